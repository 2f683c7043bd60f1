package dev.vpatch.engine.operators;

import static dev.vpatch.engine.operators.OperatorTesting.matches;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnconditionalMatchAndNoMatchOperatorTest {
  @Test
  void ignoreTheirInput() {
    assertThat(matches("unconditionalMatch", "", "")).isTrue();
    assertThat(matches("unconditionalMatch", "", "anything")).isTrue();
    assertThat(matches("noMatch", "", "")).isFalse();
    assertThat(matches("noMatch", "", "anything")).isFalse();
  }
}
