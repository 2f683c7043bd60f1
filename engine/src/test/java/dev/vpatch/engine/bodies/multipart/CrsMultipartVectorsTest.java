package dev.vpatch.engine.bodies.multipart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.vpatch.engine.ByteStrings;
import dev.vpatch.engine.bodies.BodyContext;
import dev.vpatch.engine.bodies.RecordingSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Every multipart body in the CRS regression tests, parsed by us and compared with what
 * libmodsecurity 3.0.9 extracted from it (recorded in {@code crs-multipart-oracle.jsonl}: sorted
 * ARGS, FILES*, MULTIPART_NAME/FILENAME/PART_HEADERS, flags, error; no flags where ModSecurity
 * did not pick its multipart processor for the Content-Type). One deliberate difference is
 * already folded into the recording: MULTIPART_PART_HEADERS values carry no trailing CRLF (3.0.9
 * keeps it, a bug fixed upstream that makes CRS 922110 misfire).
 */
class CrsMultipartVectorsTest {
  private static final String[] FLAG_ORDER = {
    "SE:MULTIPART_STRICT_ERROR", "UB:MULTIPART_UNMATCHED_BOUNDARY", "BQ:MULTIPART_BOUNDARY_QUOTED",
    "BW:MULTIPART_BOUNDARY_WHITESPACE", "DB:MULTIPART_DATA_BEFORE", "DA:MULTIPART_DATA_AFTER",
    "HF:MULTIPART_HEADER_FOLDING", "LF:MULTIPART_LF_LINE", "CL:MULTIPART_CRLF_LF_LINES",
    "SM:MULTIPART_MISSING_SEMICOLON", "IQ:MULTIPART_INVALID_QUOTING", "IP:MULTIPART_INVALID_PART",
    "IH:MULTIPART_INVALID_HEADER_FOLDING"
  };

  private record Expected(
      List<String> arguments, List<String> collections, String combinedSize, String flags, String error) {}

  private record Vector(String id, String contentType, String data) {}

  @TestFactory
  Stream<DynamicTest> crsMultipartBodiesMatchModSecurity() throws IOException {
    Path tests = Path.of(System.getProperty("vpatch.crs.dir", "../shared/crs"), "tests", "regression", "tests");
    assumeTrue(Files.isDirectory(tests), "CRS regression tests not found at " + tests);
    Map<String, Expected> expected = loadExpectations();
    List<Vector> vectors = loadVectors(tests);
    assertThat(vectors).hasSizeGreaterThan(100);
    return vectors.stream()
        .filter(v -> expected.containsKey(v.id()) && !expected.get(v.id()).flags().isEmpty())
        .map(v -> DynamicTest.dynamicTest(v.id(), () -> check(v, expected.get(v.id()))));
  }

  private static void check(Vector vector, Expected expected) {
    RecordingSink sink = new RecordingSink();
    byte[] body = vector.data().getBytes(StandardCharsets.UTF_8);
    new MultipartProcessor()
        .process(body, body.length, BodyContext.defaults(ByteStrings.fromText(vector.contentType())), sink);
    List<String> arguments = sorted(textOf(sink.arguments));
    List<String> collections = sorted(textOf(sink.collections));
    assertThat(arguments).isEqualTo(expected.arguments());
    assertThat(collections).isEqualTo(expected.collections());
    assertThat(sink.scalars.get("FILES_COMBINED_SIZE")).isEqualTo(expected.combinedSize());
    assertThat(flags(sink)).isEqualTo(expected.flags());
    assertThat(sink.errors.isEmpty() ? null : ByteStrings.toText(sink.errors.get(0))).isEqualTo(expected.error());
  }

  private static String flags(RecordingSink sink) {
    List<String> parts = new ArrayList<>();
    for (String entry : FLAG_ORDER) {
      String[] codeAndName = entry.split(":");
      parts.add(codeAndName[0] + sink.scalars.get(codeAndName[1]));
    }
    return String.join(" ", parts);
  }

  private static List<String> textOf(List<String> byteStrings) {
    List<String> text = new ArrayList<>();
    for (String value : byteStrings) {
      text.add(ByteStrings.toText(value));
    }
    return text;
  }

  private static List<String> sorted(List<String> values) {
    List<String> copy = new ArrayList<>(values);
    Collections.sort(copy);
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static List<Vector> loadVectors(Path tests) throws IOException {
    List<Vector> vectors = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(tests)) {
      files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    Load load = new Load(LoadSettings.builder().build());
    for (Path file : files) {
      String text = Files.readString(file);
      if (!text.toLowerCase(Locale.ROOT).contains("multipart")) {
        continue;
      }
      Object document = load.loadFromString(text);
      if (!(document instanceof Map<?, ?> root) || !(root.get("tests") instanceof List<?> testList)) {
        continue;
      }
      String name = file.getFileName().toString().replace(".yaml", "");
      for (Object test : testList) {
        Map<String, Object> testMap = (Map<String, Object>) test;
        List<Object> stages = (List<Object>) testMap.getOrDefault("stages", List.of());
        for (int i = 0; i < stages.size(); i++) {
          Map<String, Object> input = (Map<String, Object>) ((Map<String, Object>) stages.get(i)).get("input");
          Vector vector = vectorOf(name + "#" + testMap.get("test_id") + "#" + i, input);
          if (vector != null) {
            vectors.add(vector);
          }
        }
      }
    }
    return vectors;
  }

  @SuppressWarnings("unchecked")
  private static Vector vectorOf(String id, Map<String, Object> input) {
    if (input == null || !input.containsKey("data")) {
      return null;
    }
    String contentType = null;
    Map<String, Object> headers = (Map<String, Object>) input.getOrDefault("headers", Map.of());
    for (Map.Entry<String, Object> header : headers.entrySet()) {
      if (header.getKey().toLowerCase(Locale.ROOT).equals("content-type")) {
        contentType = String.valueOf(header.getValue());
      }
    }
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).contains("multipart")) {
      return null;
    }
    Object data = input.get("data");
    String text = data instanceof List<?> list ? String.join("", (List<String>) list) : String.valueOf(data);
    return new Vector(id, contentType, text);
  }

  private static Map<String, Expected> loadExpectations() throws IOException {
    Map<String, Expected> expectations = new HashMap<>();
    try (InputStream in = CrsMultipartVectorsTest.class.getResourceAsStream("crs-multipart-oracle.jsonl")) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      JsonFactory factory = new JsonFactory();
      for (String line : lines) {
        if (!line.isBlank()) {
          Map<String, Object> record = readObject(factory, line);
          expectations.put(
              (String) record.get("id"),
              new Expected(
                  asStrings(record.get("arguments")),
                  asStrings(record.get("collections")),
                  (String) record.get("combinedSize"),
                  (String) record.get("flags"),
                  (String) record.get("error")));
        }
      }
    }
    return expectations;
  }

  @SuppressWarnings("unchecked")
  private static List<String> asStrings(Object value) {
    return (List<String>) value;
  }

  /** A flat JSON object whose values are strings, nulls or arrays of strings. */
  private static Map<String, Object> readObject(JsonFactory factory, String json) {
    Map<String, Object> record = new HashMap<>();
    try (JsonParser parser = factory.createParser(json)) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken token = parser.nextToken();
        if (token == JsonToken.START_ARRAY) {
          List<String> items = new ArrayList<>();
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(parser.getText());
          }
          record.put(field, items);
        } else {
          record.put(field, token == JsonToken.VALUE_NULL ? null : parser.getText());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return record;
  }
}
