package dev.vpatch.engine.operators;

import static dev.vpatch.engine.operators.OperatorTesting.create;
import static dev.vpatch.engine.operators.OperatorTesting.matches;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LtOperatorTest {
  @Test
  void comparesTheInputWithTheArgument() {
    assertThat(matches("lt", "2", "1")).isTrue();
    assertThat(matches("lt", "2", "2")).isFalse();
    assertThat(matches("lt", "2", "3")).isFalse();
  }

  @Test
  void nonNumericTextCountsAsZero() {
    assertThat(matches("lt", "0", "abc")).isFalse();
    assertThat(matches("lt", "x", "")).isFalse();
    assertThat(matches("lt", "1", "\u0000")).isTrue();
  }

  @Test
  void usesLongsBeyondIntRangeAndSaturates() {
    assertThat(matches("lt", "2147483647", "2147483648")).isFalse();
    assertThat(matches("lt", "9223372036854775807", "99999999999999999999999")).isFalse();
  }

  @Test
  void expandsMacros() {
    Operator operator = create("lt", "%{tx.threshold}");
    assertThat(operator.matches(TestMatchContext.plain().tx("threshold", "2"), "2")).isFalse();
    assertThat(operator.matches(TestMatchContext.plain().tx("threshold", "2"), "3")).isFalse();
    assertThat(operator.matches(TestMatchContext.plain(), "0")).isFalse();
  }
}
