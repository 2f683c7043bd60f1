package dev.vpatch.engine.transformations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every transformation against vectors whose expected output was produced by the real ModSecurity
 * v3.0.9 (see the header of the resource file for how).
 */
class ModSecurityVectorsTest {
  private static final String RESOURCE = "/transformations/modsecurity-3.0.9-vectors.tsv";

  static List<Arguments> vectors() throws IOException {
    List<Arguments> vectors = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(
        ModSecurityVectorsTest.class.getResourceAsStream(RESOURCE), StandardCharsets.US_ASCII))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] columns = line.split("\t", -1);
        vectors.add(Arguments.of(columns[0], bytes(columns[1]), bytes(columns[2])));
      }
    }
    return vectors;
  }

  private static String bytes(String hex) {
    return new String(HexFormat.of().parseHex(hex), StandardCharsets.ISO_8859_1);
  }

  @ParameterizedTest(name = "{0}({1})")
  @MethodSource("vectors")
  void matchesModSecurity(String name, String input, String expected) {
    Transformation transformation = Transformations.lookup(name);
    assertThat(transformation).as("registered: %s", name).isNotNull();
    assertThat(HexFormat.of().formatHex(transformation.apply(input).getBytes(StandardCharsets.ISO_8859_1)))
        .as("%s of %s", name, HexFormat.of().formatHex(input.getBytes(StandardCharsets.ISO_8859_1)))
        .isEqualTo(HexFormat.of().formatHex(expected.getBytes(StandardCharsets.ISO_8859_1)));
  }
}
