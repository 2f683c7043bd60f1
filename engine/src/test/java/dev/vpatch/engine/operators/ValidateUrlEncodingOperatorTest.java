package dev.vpatch.engine.operators;

import static dev.vpatch.engine.operators.OperatorTesting.matches;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValidateUrlEncodingOperatorTest {
  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "%41", "a%2fb%2F", "%00", "100%25", "+%20+", "\u00ff%ff"})
  void validEncodingsDoNotMatch(String input) {
    assertThat(matches("validateUrlEncoding", "", input)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"%", "%4", "a%", "abc%4", "%zz", "%4g", "%g4", "%%41", "%41%", "%\u00004"})
  void invalidOrTruncatedEncodingsMatch(String input) {
    assertThat(matches("validateUrlEncoding", "", input)).isTrue();
  }
}
