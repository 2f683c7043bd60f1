package dev.vpatch.engine.variables;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.engine.seclang.VariableSpec;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class KeySelectorTest {
  @Test
  void anAnchoredWordRegexSelectsKeysStartingWithItInAnyCase() {
    KeySelector selector = regex("^header_name_920450_");
    assertThat(selector.matches("header_name_920450_content-type")).isTrue();
    assertThat(selector.matches("HEADER_NAME_920450_x")).isTrue();
    assertThat(selector.matches("header_name_920450_")).isTrue();
    assertThat(selector.matches("xheader_name_920450_")).isFalse();
    assertThat(selector.matches("header_name_92045")).isFalse();
    assertThat(selector.matches("")).isFalse();
  }

  @RepeatedTest(20)
  void anchoredWordsAgreeWithTheCaseInsensitiveRegexOnSeededRandomKeys(RepetitionInfo repetition) {
    Random random = new Random(77 + repetition.getCurrentRepetition());
    String alphabet = "abkKsS_-0\u00e9\u00c9\u00ff\u00b5\u017f\u212a";
    String[] regexes = {"^ab", "^K_s", "^s-0", "^a"};
    for (String regex : regexes) {
      KeySelector fast = regex(regex);
      com.google.re2j.Pattern reference =
          com.google.re2j.Pattern.compile("(?i)" + regex, com.google.re2j.Pattern.DISABLE_UNICODE_GROUPS);
      for (int i = 0; i < 50; i++) {
        StringBuilder key = new StringBuilder();
        for (int k = 0; k < random.nextInt(6); k++) key.append(alphabet.charAt(random.nextInt(alphabet.length())));
        String candidate = key.toString();
        // Keys are byte strings: characters above 0xFF never reach a selector.
        if (candidate.chars().anyMatch(c -> c > 0xff)) continue;
        assertThat(fast.matches(candidate))
            .as("/%s/ on %s", regex, candidate)
            .isEqualTo(reference.matcher(candidate).find());
      }
    }
  }

  @Test
  void aRegexStartingWithAWordNeedsThatWordLessAnOptionalLastCharacter() {
    assertThat(KeySelector.leadingWord("MULTIPART_HEADERS_CONTENT_TYPES_*")).isEqualTo("MULTIPART_HEADERS_CONTENT_TYPES");
    assertThat(KeySelector.leadingWord("rfi_parameter_.*")).isEqualTo("rfi_parameter_");
    assertThat(KeySelector.leadingWord("^abcd{2}x")).isEqualTo("abc");
    assertThat(KeySelector.leadingWord("abcd?")).isEqualTo("abc");
    assertThat(KeySelector.leadingWord("abcd+")).isEqualTo("abc");
    assertThat(KeySelector.leadingWord("ab")).isNull();
    assertThat(KeySelector.leadingWord("abc+")).isNull();
    assertThat(KeySelector.leadingWord("abc|xyz")).isNull();
    assertThat(KeySelector.leadingWord("(?:abc)")).isNull();
    assertThat(KeySelector.leadingWord("\\x22abc")).isNull();
  }

  @Test
  void aWordRegexSelectsOnlyKeysContainingItsWordInAnyCase() {
    KeySelector selector = regex("MULTIPART_HEADERS_CONTENT_TYPES_*");
    assertThat(selector.matches("multipart_headers_content_types_0")).isTrue();
    assertThat(selector.matches("tx_MULTIPART_HEADERS_CONTENT_TYPES")).isTrue();
    assertThat(selector.matches("multipart_headers_content_type")).isFalse();
    assertThat(selector.matches("inbound_anomaly_score_pl1")).isFalse();
  }

  @RepeatedTest(20)
  void wordRegexesAgreeWithTheCaseInsensitiveRegexOnSeededRandomKeys(RepetitionInfo repetition) {
    Random random = new Random(91 + repetition.getCurrentRepetition());
    String alphabet = "abcAB_-x.\u00e9";
    String[] regexes = {"abc_*", "abc.*", "ab_c?x", "abc[_-]b", "a-b{1,2}c", "abc\\.", "^abca?", "ab-c(?:x|_)"};
    for (String regex : regexes) {
      KeySelector fast = regex(regex);
      com.google.re2j.Pattern reference =
          com.google.re2j.Pattern.compile("(?i)" + regex, com.google.re2j.Pattern.DISABLE_UNICODE_GROUPS);
      for (int i = 0; i < 200; i++) {
        StringBuilder key = new StringBuilder();
        int length = random.nextInt(10);
        for (int k = 0; k < length; k++) key.append(alphabet.charAt(random.nextInt(alphabet.length())));
        // Plant the regex's own text at times so that matches occur too.
        if (random.nextInt(3) == 0) key.insert(random.nextInt(key.length() + 1), regex.replaceAll("[^A-Za-z_-]", ""));
        String candidate = key.toString();
        assertThat(fast.matches(candidate))
            .as("/%s/ on %s", regex, candidate)
            .isEqualTo(reference.matcher(candidate).find());
      }
    }
  }

  private static KeySelector regex(String regex) {
    return KeySelector.of(new VariableSpec("TX", null, regex, false, false));
  }
}
