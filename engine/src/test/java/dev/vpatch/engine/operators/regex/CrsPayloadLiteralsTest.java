package dev.vpatch.engine.operators.regex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.engine.operators.CrsRuleFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Checks required-literal extraction against real attack payloads: lines of the CRS regression
 * tests (raw and URL-decoded). Whenever a CRS pattern matches one, the line must contain one of
 * the pattern's required literals.
 */
class CrsPayloadLiteralsTest {
  private static final int SAMPLE = 600;

  @Test
  void crsPatternsMatchingRegressionPayloadsContainTheirLiterals() throws IOException {
    List<String> inputs = payloadSample();
    List<String> violations = new ArrayList<>();
    int checked = 0;
    for (CrsRuleFiles.RuleOperator op : CrsRuleFiles.operators()) {
      if (!op.name().equals("rx")) continue;
      PcrePattern pattern = PcrePattern.compile(op.argument());
      List<Set<String>> literalSets = pattern.requiredLiteralSets();
      if (literalSets.isEmpty()) continue;
      for (String input : inputs) {
        if (!pattern.find(input)) continue;
        checked++;
        String folded = AsciiCase.lower(input);
        Set<String> missed = literalSets.stream()
            .filter(literals -> literals.stream().noneMatch(folded::contains)).findFirst().orElse(null);
        if (missed != null && violations.size() < 20) {
          violations.add(op.id() + " " + missed + " on " + input);
        }
      }
    }
    assertThat(violations).isEmpty();
    assertThat(checked).as("matching payloads checked").isGreaterThan(200);
  }

  private static List<String> payloadSample() throws IOException {
    List<String> lines = new ArrayList<>();
    Path tests = CrsRuleFiles.crsDirectory().resolve("tests");
    try (Stream<Path> files = Files.walk(tests)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
          String value = line.strip();
          if (value.startsWith("data:") || value.startsWith("uri:") || value.startsWith("- ")) {
            lines.add(value);
          }
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    Collections.shuffle(lines, new Random(5));
    List<String> sample = new ArrayList<>();
    for (String line : lines.subList(0, Math.min(SAMPLE, lines.size()))) {
      sample.add(line);
      sample.add(urlDecoded(line));
    }
    return sample;
  }

  private static String urlDecoded(String line) {
    try {
      return URLDecoder.decode(line, StandardCharsets.ISO_8859_1);
    } catch (IllegalArgumentException malformed) {
      return line;
    }
  }
}
