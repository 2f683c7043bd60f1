package dev.vpatch.engine.injection;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Reads the values a CRS rule inspects out of go-ftw regression tests: query and urlencoded body
 * arguments (names and values), cookies, chosen headers and XML attribute/text values, each
 * decoded the way the rule's transformations would (a test-side approximation: enough for CRS's
 * payloads, not a replacement for the engine's transformations).
 */
final class CrsPayloads {
  /** One inspected value of one test stage. */
  record Payload(String file, Object testId, String variable, String value, boolean expected,
      boolean notExpected) {
    @Override
    public String toString() {
      return file + "#" + testId + " " + variable + "=" + value;
    }
  }

  static Path crsDirectory() {
    String configured = System.getProperty("vpatch.crs.dir");
    if (configured != null && Files.isDirectory(Path.of(configured))) {
      return Path.of(configured);
    }
    for (Path candidate : List.of(Path.of("../shared/crs"), Path.of("../../shared/crs"))) {
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return Path.of(configured == null ? "../shared/crs" : configured);
  }

  static Path testsDirectory() {
    return crsDirectory().resolve("tests/regression/tests");
  }

  static List<Path> allTestFiles() {
    try (Stream<Path> files = Files.walk(testsDirectory())) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private CrsPayloads() {}

  /**
   * The inspected values of every test in {@code file}, labelled by whether the test expects
   * {@code ruleId}.
   *
   * @param headers lower-case names of the request headers the rule inspects
   * @param decode the rule's transformation chain (approximated)
   */
  @SuppressWarnings("unchecked")
  static List<Payload> read(Path file, int ruleId, List<String> headers, UnaryOperator<String> decode) {
    Map<String, Object> document;
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      document = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      return List.of(); // a few CRS files use YAML features irrelevant here
    }
    List<Payload> payloads = new ArrayList<>();
    if (document == null || !(document.get("tests") instanceof List<?> tests)) {
      return payloads;
    }
    for (Object testObject : tests) {
      Map<String, Object> test = (Map<String, Object>) testObject;
      for (Object stageObject : (List<Object>) test.getOrDefault("stages", List.of())) {
        Map<String, Object> stage = (Map<String, Object>) stageObject;
        Map<String, Object> input = (Map<String, Object>) stage.getOrDefault("input", Map.of());
        Map<String, Object> output = (Map<String, Object>) stage.getOrDefault("output", Map.of());
        Map<String, Object> log = output.get("log") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        boolean expected = containsId(log.get("expect_ids"), ruleId);
        boolean notExpected = containsId(log.get("no_expect_ids"), ruleId);
        for (String[] variable : inspected(input, headers)) {
          String value = decode.apply(variable[1]).replace("\u0000", "");
          if (!value.isEmpty()) {
            payloads.add(new Payload(file.getFileName().toString(), test.get("test_id"), variable[0],
                value, expected, notExpected));
          }
        }
      }
    }
    return payloads;
  }

  private static boolean containsId(Object ids, int ruleId) {
    return ids instanceof List<?> list && list.stream().anyMatch(id -> String.valueOf(id).equals(String.valueOf(ruleId)));
  }

  /** [variable, raw value] pairs; values are byte strings (UTF-8 bytes of the YAML text). */
  @SuppressWarnings("unchecked")
  private static List<String[]> inspected(Map<String, Object> input, List<String> headers) {
    List<String[]> values = new ArrayList<>();
    Map<String, Object> requestHeaders = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (input.get("headers") instanceof Map<?, ?> h) {
      requestHeaders.putAll((Map<String, Object>) h);
    }
    String uri = String.valueOf(input.getOrDefault("uri", ""));
    int query = uri.indexOf('?');
    if (query >= 0) {
      addForm(values, bytes(uri.substring(query + 1)));
    }
    String contentType = String.valueOf(requestHeaders.getOrDefault("Content-Type",
        "application/x-www-form-urlencoded")).toLowerCase(Locale.ROOT);
    if (input.get("data") instanceof String data) {
      if (contentType.contains("x-www-form-urlencoded")) {
        addForm(values, bytes(data));
      } else if (contentType.contains("xml")) {
        addXml(values, data);
      }
    }
    for (String header : headers) {
      Object value = requestHeaders.get(header);
      if (value != null) {
        values.add(new String[] {"REQUEST_HEADERS:" + header, bytes(String.valueOf(value))});
      }
    }
    Object cookie = requestHeaders.get("Cookie");
    if (cookie != null) {
      for (String part : bytes(String.valueOf(cookie)).split(";")) {
        String trimmed = part.strip();
        int eq = trimmed.indexOf('=');
        values.add(new String[] {"REQUEST_COOKIES_NAMES", eq < 0 ? trimmed : trimmed.substring(0, eq)});
        values.add(new String[] {"REQUEST_COOKIES", eq < 0 ? "" : trimmed.substring(eq + 1)});
      }
    }
    return values;
  }

  private static String bytes(String text) {
    return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  /** Arguments are URL-decoded once by the body/query parser, before the transformations. */
  private static void addForm(List<String[]> values, String form) {
    for (String pair : form.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      values.add(new String[] {"ARGS_NAMES", urlDecode(name)});
      values.add(new String[] {"ARGS", urlDecode(value)});
    }
  }

  private static void addXml(List<String[]> values, String xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setExpandEntityReferences(false);
      javax.xml.parsers.DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // quiet: errors throw
      Element root = builder
          .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
          .getDocumentElement();
      collectXml(values, root);
    } catch (Exception e) {
      // not well-formed: the XML processor would reject it and XML:/* is empty
    }
  }

  private static void collectXml(List<String[]> values, Node node) {
    if (node.getNodeType() == Node.TEXT_NODE && !node.getNodeValue().isBlank()) {
      values.add(new String[] {"XML:/*", bytes(node.getNodeValue())});
    }
    NamedNodeMap attributes = node.getAttributes();
    if (attributes != null) {
      for (int i = 0; i < attributes.getLength(); i++) {
        values.add(new String[] {"XML://@*", bytes(((Attr) attributes.item(i)).getValue())});
      }
    }
    for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
      collectXml(values, child);
    }
  }

  /** ModSecurity's urlDecodeUni: %XX, %uXXXX (low byte) and '+' as space; bad escapes kept. */
  static String urlDecode(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      if (ch == '+') {
        out.append(' ');
      } else if (ch == '%' && i + 5 < value.length() + 0 && (value.charAt(i + 1) | 0x20) == 'u'
          && isHex(value, i + 2, 4)) {
        out.append((char) (Integer.parseInt(value.substring(i + 2, i + 6), 16) & 0xff));
        i += 5;
      } else if (ch == '%' && isHex(value, i + 1, 2)) {
        out.append((char) Integer.parseInt(value.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.append(ch);
      }
    }
    return out.toString();
  }

  private static boolean isHex(String value, int from, int count) {
    if (from + count > value.length()) {
      return false;
    }
    for (int i = from; i < from + count; i++) {
      if (Character.digit(value.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  /** htmlEntityDecode as far as CRS's XSS payloads need it: numeric and the common named ones. */
  static String htmlEntityDecode(String value) {
    StringBuilder out = new StringBuilder(value.length());
    int i = 0;
    while (i < value.length()) {
      char ch = value.charAt(i);
      int semicolon = ch == '&' ? value.indexOf(';', i) : -1;
      if (semicolon > i + 1 && semicolon - i <= 10) {
        String entity = value.substring(i + 1, semicolon);
        int decoded = decodeEntity(entity);
        if (decoded >= 0) {
          out.append((char) (decoded & 0xff));
          i = semicolon + 1;
          continue;
        }
      }
      out.append(ch);
      i++;
    }
    return out.toString();
  }

  private static int decodeEntity(String entity) {
    try {
      if (entity.startsWith("#x") || entity.startsWith("#X")) {
        return Integer.parseInt(entity.substring(2), 16);
      }
      if (entity.startsWith("#")) {
        return Integer.parseInt(entity.substring(1));
      }
    } catch (NumberFormatException e) {
      return -1;
    }
    return switch (entity.toLowerCase(Locale.ROOT)) {
      case "lt" -> '<';
      case "gt" -> '>';
      case "quot" -> '"';
      case "amp" -> '&';
      case "apos" -> '\'';
      case "nbsp" -> 0xa0;
      default -> -1;
    };
  }
}
