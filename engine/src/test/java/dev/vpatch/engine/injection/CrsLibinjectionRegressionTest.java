package dev.vpatch.engine.injection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.engine.injection.CrsPayloads.Payload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * CRS v4's regression tests of the two libinjection rules, run against the detectors directly:
 * 942100 ({@code @detectSQLi}) and 941100 ({@code @detectXSS}). A test expecting the rule must
 * have at least one inspected value detected; a test expecting it not to fire must have none.
 */
class CrsLibinjectionRegressionTest {
  private static final UnaryOperator<String> SQLI_CHAIN = CrsPayloads::urlDecode;
  private static final UnaryOperator<String> XSS_CHAIN =
      value -> CrsPayloads.htmlEntityDecode(CrsPayloads.urlDecode(value));

  @Test
  void rule942100TestsAllPass() {
    Path file = CrsPayloads.testsDirectory().resolve("REQUEST-942-APPLICATION-ATTACK-SQLI/942100.yaml");
    Assumptions.assumeTrue(Files.exists(file), "CRS not found at " + file);
    List<Payload> payloads = CrsPayloads.read(file, 942100, List.of("User-Agent", "Referer"), SQLI_CHAIN);
    assertRuleTests(payloads, SqlInjectionDetector::isInjection, 15);
  }

  @Test
  void rule941100TestsAllPass() {
    Path file = CrsPayloads.testsDirectory().resolve("REQUEST-941-APPLICATION-ATTACK-XSS/941100.yaml");
    Assumptions.assumeTrue(Files.exists(file), "CRS not found at " + file);
    List<Payload> payloads = CrsPayloads.read(file, 941100, List.of("User-Agent"), XSS_CHAIN);
    assertRuleTests(payloads, XssDetector::isXss, 5);
  }

  @Test
  void fingerprintOfTheSimplestCrsPayloadIsCaptured() {
    assertThat(SqlInjectionDetector.detect("1234 OR 1=1")).isEqualTo("1&1");
    assertThat(SqlInjectionDetector.detect("-1839' or '1'='1")).isEqualTo("s&sos");
  }

  /** Test families whose payloads are not SQL or script injection (protocol, LFI, RFI, ...). */
  private static boolean isNonInjectionFamily(Path file) {
    String family = file.getParent().getFileName().toString();
    return !(family.contains("-932-") || family.contains("-933-") || family.contains("-934-")
        || family.contains("-941-") || family.contains("-942-"));
  }

  /**
   * Every value inspected in CRS tests of the other rule families (protocol enforcement, LFI,
   * RFI, session fixation, Java, response rules...) is benign as SQL: none may be flagged. Script
   * injection appears in a few of them on purpose; those values all carry markup.
   */
  @Test
  void valuesOfNonInjectionCrsTestsAreNotFlagged() {
    Assumptions.assumeTrue(Files.isDirectory(CrsPayloads.testsDirectory()), "CRS not found");
    List<String> values = CrsPayloads.allTestFiles().stream()
        .filter(CrsLibinjectionRegressionTest::isNonInjectionFamily)
        .flatMap(f -> CrsPayloads.read(f, 0, List.of("User-Agent", "Referer"), SQLI_CHAIN).stream())
        .map(Payload::value)
        .distinct()
        .toList();
    assertThat(values).hasSizeGreaterThan(500);
    assertThat(values.stream().filter(SqlInjectionDetector::isInjection).toList()).isEmpty();
    List<String> xss = values.stream().map(CrsPayloads::htmlEntityDecode).filter(XssDetector::isXss).toList();
    assertThat(xss).allMatch(v -> v.contains("<")).hasSizeLessThan(10);
  }

  private static void assertRuleTests(List<Payload> payloads, Predicate<String> detector, int expectingTests) {
    Map<Object, List<Payload>> byTest = payloads.stream()
        .collect(Collectors.groupingBy(Payload::testId, LinkedHashMap::new, Collectors.toList()));
    int expected = 0;
    int detected = 0;
    for (List<Payload> test : byTest.values()) {
      boolean hit = test.stream().anyMatch(p -> detector.test(p.value()));
      if (test.get(0).expected()) {
        expected++;
        assertThat(hit).as("expected detection in %s", test).isTrue();
        detected++;
      }
      if (test.get(0).notExpected()) {
        assertThat(test.stream().filter(p -> detector.test(p.value())).toList())
            .as("no detection expected").isEmpty();
      }
    }
    assertThat(expected).isEqualTo(expectingTests);
    assertThat(detected).isEqualTo(expected);
  }
}
