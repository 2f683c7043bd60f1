package dev.vpatch.engine.operators.regex;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Matcher;
import dev.vpatch.engine.operators.regex.dfa.LazyDfa;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** Captures of patterns whose match can only be the whole input, answered without RE2/J. */
class WholeInputCaptureTest {
  private static final String[] PCRE = {
    "^.*$", "^(?:get|post|head)$", "^[a-z0-9_-]+$", "^a.*b$", "\\A\\d+\\z", "^a|b$", "^ab", "ab$", "^(a|b)$",
  };

  @Test
  void onlyPatternsAnchoredAtBothEndsQualify() {
    assertThat(LazyDfa.anchoredAtBothEnds("(?sm)^.*$")).isTrue();
    assertThat(LazyDfa.anchoredAtBothEnds("(?sm)^(?:get|post)$")).isTrue();
    assertThat(LazyDfa.anchoredAtBothEnds("\\A\\d+\\z")).isTrue();
    assertThat(LazyDfa.anchoredAtBothEnds("(?sm)^a|b$")).isFalse();
    assertThat(LazyDfa.anchoredAtBothEnds("(?sm)^ab")).isFalse();
    assertThat(LazyDfa.anchoredAtBothEnds("(?sm)ab$")).isFalse();
    assertThat(LazyDfa.anchoredAtBothEnds("(?sm)(?:^a)?b$")).isFalse();
  }

  @RepeatedTest(30)
  void capturesAgreeWithRe2OnSeededRandomInput(RepetitionInfo repetition) {
    Random random = new Random(500 + repetition.getCurrentRepetition());
    String alphabet = "abgetpos01_-\n\u0000\u00ff ";
    for (String source : PCRE) {
      Re2Pattern pattern = (Re2Pattern) PcrePattern.compile(source);
      com.google.re2j.Pattern reference = com.google.re2j.Pattern.compile(pattern.translated());
      for (int i = 0; i < 40; i++) {
        StringBuilder input = new StringBuilder();
        int length = random.nextInt(12);
        for (int k = 0; k < length; k++) input.append(alphabet.charAt(random.nextInt(alphabet.length())));
        if (random.nextInt(3) == 0) input.setLength(0);
        if (random.nextBoolean()) input.append(source.contains("get") ? "get" : "ab");
        String value = input.toString();
        RegexMatch match = pattern.find(value, 0);
        Matcher expected = reference.matcher(value);
        if (!expected.find()) {
          assertThat(match).as("%s on %s", source, value).isNull();
          continue;
        }
        assertThat(match).as("%s on %s", source, value).isNotNull();
        assertThat(match.start()).isEqualTo(expected.start());
        assertThat(match.end()).isEqualTo(expected.end());
        assertThat(match.group(0)).isEqualTo(expected.group(0));
        assertThat(match.groups()).hasSize(expected.groupCount() + 1);
      }
    }
  }
}
