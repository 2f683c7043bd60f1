package dev.vpatch.engine.operators;

import static dev.vpatch.engine.operators.OperatorTesting.matches;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StrMatchOperatorTest {
  @Test
  void findsSubstrings() {
    assertThat(matches("strmatch", "WebZIP", "Mozilla WebZIP/1.0")).isTrue();
    assertThat(matches("strmatch", "WebZIP", "webzip")).isFalse();
  }
}
