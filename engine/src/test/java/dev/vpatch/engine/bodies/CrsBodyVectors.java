package dev.vpatch.engine.bodies;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Request bodies from the CRS regression tests (read from {@code vpatch.crs.dir}, never copied),
 * identified as {@code file#test_id#stage} like the oracle recordings under test resources.
 */
public final class CrsBodyVectors {
  /** One stage's body: its id, Content-Type and the {@code data} text. */
  public record Vector(String id, String contentType, String data) {
    public byte[] bytes() {
      return data.getBytes(StandardCharsets.UTF_8);
    }
  }

  private CrsBodyVectors() {}

  /**
   * One dynamic test per CRS body of the wanted Content-Type that the oracle recording {@code
   * recording} (a resource next to {@code near}) has, each running {@code check} on the body and
   * its recorded record. Skipped when the CRS is not available.
   */
  public static Stream<DynamicTest> checkAgainstRecording(
      Class<?> near,
      String recording,
      String fileMustContain,
      Predicate<String> wantedContentType,
      BiConsumer<Vector, Map<String, Object>> check)
      throws IOException {
    Path tests = testsFolder();
    Assumptions.assumeTrue(tests != null, "CRS regression tests not found");
    Map<String, Map<String, Object>> expected = OracleRecords.load(near, recording);
    List<Vector> vectors = load(tests, fileMustContain, wantedContentType);
    if (vectors.size() < 100) {
      throw new AssertionError("only " + vectors.size() + " CRS bodies found in " + tests);
    }
    return vectors.stream()
        .filter(v -> expected.containsKey(v.id()))
        .map(v -> DynamicTest.dynamicTest(v.id(), () -> check.accept(v, expected.get(v.id()))));
  }

  /** The CRS regression tests folder, or null when the CRS is not available here. */
  public static Path testsFolder() {
    Path tests = Path.of(System.getProperty("vpatch.crs.dir", "../shared/crs"), "tests", "regression", "tests");
    return Files.isDirectory(tests) ? tests : null;
  }

  /** Every stage with {@code data} whose Content-Type (lower-cased) satisfies {@code wanted}. */
  @SuppressWarnings("unchecked")
  public static List<Vector> load(Path tests, String fileMustContain, Predicate<String> wanted) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(tests)) {
      files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    Load load = new Load(LoadSettings.builder().build());
    List<Vector> vectors = new ArrayList<>();
    for (Path file : files) {
      String text = Files.readString(file);
      if (!text.toLowerCase(Locale.ROOT).contains(fileMustContain)) {
        continue;
      }
      if (!(load.loadFromString(text) instanceof Map<?, ?> root) || !(root.get("tests") instanceof List<?> testList)) {
        continue;
      }
      String name = file.getFileName().toString().replace(".yaml", "");
      for (Object test : testList) {
        Map<String, Object> testMap = (Map<String, Object>) test;
        List<Object> stages = (List<Object>) testMap.getOrDefault("stages", List.of());
        for (int i = 0; i < stages.size(); i++) {
          Map<String, Object> input = (Map<String, Object>) ((Map<String, Object>) stages.get(i)).get("input");
          Vector vector = vectorOf(name + "#" + testMap.get("test_id") + "#" + i, input, wanted);
          if (vector != null) {
            vectors.add(vector);
          }
        }
      }
    }
    return vectors;
  }

  @SuppressWarnings("unchecked")
  private static Vector vectorOf(String id, Map<String, Object> input, Predicate<String> wanted) {
    if (input == null || input.get("data") == null) {
      return null;
    }
    String contentType = null;
    Map<String, Object> headers = (Map<String, Object>) input.getOrDefault("headers", Map.of());
    for (Map.Entry<String, Object> header : headers.entrySet()) {
      if (header.getKey().toLowerCase(Locale.ROOT).equals("content-type")) {
        contentType = String.valueOf(header.getValue());
      }
    }
    if (contentType == null || !wanted.test(contentType.toLowerCase(Locale.ROOT))) {
      return null;
    }
    Object data = input.get("data");
    String text = data instanceof List<?> list ? String.join("", (List<String>) list) : String.valueOf(data);
    return new Vector(id, contentType, text);
  }
}
