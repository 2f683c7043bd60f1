package dev.vpatch.engine.operators;

import static dev.vpatch.engine.operators.OperatorTesting.matches;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BeginsWithOperatorTest {
  @Test
  void matchesPrefixes() {
    assertThat(matches("beginsWith", "#:~:text=", "#:~:text=foo")).isTrue();
    assertThat(matches("beginsWith", "abc", "ab")).isFalse();
    assertThat(matches("beginsWith", "abc", "ABCd")).isFalse();
    assertThat(matches("beginsWith", "", "")).isTrue();
    assertThat(matches("beginsWith", "\u00c3", "\u00c3\u00a9")).isTrue();
  }
}
