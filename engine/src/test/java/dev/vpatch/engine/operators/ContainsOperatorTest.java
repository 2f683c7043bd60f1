package dev.vpatch.engine.operators;

import static dev.vpatch.engine.operators.OperatorTesting.matches;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContainsOperatorTest {
  @Test
  void findsSubstrings() {
    assertThat(matches("contains", "-->", "a-->b")).isTrue();
    assertThat(matches("contains", "#", "no hash")).isFalse();
    assertThat(matches("contains", "A", "a")).isFalse();
    assertThat(matches("contains", "", "")).isTrue();
    assertThat(matches("contains", "\u0000", "a\u0000")).isTrue();
  }
}
