package dev.vpatch.engine.injection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Attacker-controlled input of pathological shapes must cost time proportional to its length.
 * Each shape is repeated to 512 KiB: the linear detectors need milliseconds for that (tens on a
 * loaded machine), while a quadratic step would need about 10^11 operations, minutes; a bound of
 * seconds separates the two without depending on the machine's load.
 */
class InjectionLinearTimeTest {
  private static final List<String> UNITS = List.of(
      "'", "\"", "\\'", "\\\\'", "/*", "*/", "/*/*", "--", "#", "`", "$$", "$a$", "q'[", "@", "@@",
      "1+", "(", ")", "a.", "x'0", "<", "<a ", "<a b", "<a b=", "<!--", "--", "<?", "<%", "&#",
      "' or ", "union select ", "a,", "1,", "-", ";", "&&", "\u00a0", "\u0000", "E'", "N'",
      "<a href=\"", "\" on", "<!DOCTYPE", "<!--a--", "<a href=&#", "<a style=", "<?a>");

  @Test
  void pathologicalInputsStayLinear() {
    for (String unit : UNITS) {
      detectBoth(unit.repeat(4096 / unit.length())); // warm up this shape's code paths
      String input = unit.repeat(524_288 / unit.length());
      long start = System.nanoTime();
      detectBoth(input);
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(millis).as("512 KiB of %s took %d ms", unit, millis).isLessThan(2_500);
    }
  }

  @Test
  void oneMegabyteOfMixedInputIsFast() {
    StringBuilder mixed = new StringBuilder();
    while (mixed.length() < 1_048_576) {
      mixed.append(String.join("", UNITS));
    }
    String input = mixed.toString();
    Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20), () -> detectBoth(input));
  }

  private static void detectBoth(String input) {
    SqlInjectionDetector.detect(input);
    XssDetector.isXss(input);
  }
}
