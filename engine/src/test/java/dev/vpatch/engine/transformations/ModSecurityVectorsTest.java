package dev.vpatch.engine.transformations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every transformation against vectors whose expected output was produced by the real ModSecurity
 * v3.0.9 (the resource files' headers say how). One test per transformation, listing every
 * mismatching vector.
 */
class ModSecurityVectorsTest {
  private static final List<String> RESOURCES = List.of(
      "/transformations/modsecurity-3.0.9-vectors.tsv",
      "/transformations/modsecurity-3.0.9-random-vectors.tsv");

  private static final Map<String, List<String[]>> VECTORS_BY_NAME = load();

  static List<String> names() {
    return new ArrayList<>(VECTORS_BY_NAME.keySet());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void matchesModSecurity(String name) {
    Transformation transformation = Transformations.lookup(name);
    assertThat(transformation).as("registered: %s", name).isNotNull();
    List<String> mismatches = new ArrayList<>();
    for (String[] hexVector : VECTORS_BY_NAME.get(name)) {
      String actual = hex(transformation.apply(bytes(hexVector[0])));
      if (!actual.equals(hexVector[1])) {
        mismatches.add(hexVector[0] + ": expected " + hexVector[1] + " but was " + actual);
      }
    }
    assertThat(mismatches).as("%s: input hex: mismatches", name).isEmpty();
  }

  private static Map<String, List<String[]>> load() {
    Map<String, List<String[]>> vectors = new TreeMap<>();
    for (String resource : RESOURCES) {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(
          ModSecurityVectorsTest.class.getResourceAsStream(resource), StandardCharsets.US_ASCII))) {
        String line;
        while ((line = reader.readLine()) != null) {
          if (!line.isBlank() && !line.startsWith("#")) {
            String[] columns = line.split("\t", -1);
            vectors.computeIfAbsent(columns[0], k -> new ArrayList<>())
                .add(new String[] {columns[1], columns[2]});
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return vectors;
  }

  private static String bytes(String hex) {
    return new String(HexFormat.of().parseHex(hex), StandardCharsets.ISO_8859_1);
  }

  private static String hex(String byteString) {
    return HexFormat.of().formatHex(byteString.getBytes(StandardCharsets.ISO_8859_1));
  }
}
