package dev.vpatch.engine.operators.regex;

import dev.vpatch.engine.operators.CrsRuleFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A crude harvest of byte strings from the CRS regression tests, as regex inputs: every YAML
 * scalar value (URI, body, header value, ...), also URL-decoded, and each {@code name=value} part
 * of URIs and bodies decoded. Not what the engine would inspect exactly, but the same payloads.
 */
final class CrsRegressionStrings {
  private CrsRegressionStrings() {}

  static List<String> all() {
    Set<String> strings = new LinkedHashSet<>();
    Path tests = CrsRuleFiles.crsDirectory().resolve("tests/regression/tests");
    try (Stream<Path> files = Files.walk(tests)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
          harvest(line.strip(), strings);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    strings.remove("");
    return new ArrayList<>(strings);
  }

  private static void harvest(String line, Set<String> strings) {
    String text = line.startsWith("- ") ? line.substring(2).strip() : line;
    int colon = text.indexOf(": ");
    if (colon > 0 && text.substring(0, colon).matches("[A-Za-z0-9_-]+")) {
      text = text.substring(colon + 2).strip();
    }
    String value = unquoted(text);
    strings.add(value);
    String decoded = urlDecoded(value);
    strings.add(decoded);
    for (String part : value.split("[&?;]")) {
      int eq = part.indexOf('=');
      strings.add(urlDecoded(part));
      if (eq >= 0) strings.add(urlDecoded(part.substring(eq + 1)));
    }
  }

  private static String unquoted(String text) {
    if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
      return text.substring(1, text.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }
    if (text.length() >= 2 && text.startsWith("'") && text.endsWith("'")) {
      return text.substring(1, text.length() - 1).replace("''", "'");
    }
    return text;
  }

  /** %XX and '+' decoded to bytes; malformed escapes are kept as they are. */
  static String urlDecoded(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '+') {
        out.append(' ');
      } else if (c == '%' && i + 2 < value.length()
          && Character.digit(value.charAt(i + 1), 16) >= 0
          && Character.digit(value.charAt(i + 2), 16) >= 0) {
        out.append((char) Integer.parseInt(value.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
