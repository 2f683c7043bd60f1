package dev.vpatch.engine.operators;

import static dev.vpatch.engine.operators.OperatorTesting.create;
import static dev.vpatch.engine.operators.OperatorTesting.matches;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GtOperatorTest {
  @Test
  void comparesTheInputWithTheArgument() {
    assertThat(matches("gt", "2", "1")).isFalse();
    assertThat(matches("gt", "2", "2")).isFalse();
    assertThat(matches("gt", "2", "3")).isTrue();
  }

  @Test
  void nonNumericTextCountsAsZero() {
    assertThat(matches("gt", "0", "abc")).isFalse();
    assertThat(matches("gt", "x", "")).isFalse();
    assertThat(matches("gt", "1", "\u0000")).isFalse();
  }

  @Test
  void usesLongsBeyondIntRangeAndSaturates() {
    assertThat(matches("gt", "2147483647", "2147483648")).isTrue();
    assertThat(matches("gt", "9223372036854775807", "99999999999999999999999")).isFalse();
  }

  @Test
  void expandsMacros() {
    Operator operator = create("gt", "%{tx.threshold}");
    assertThat(operator.matches(TestMatchContext.plain().tx("threshold", "2"), "2")).isFalse();
    assertThat(operator.matches(TestMatchContext.plain().tx("threshold", "2"), "3")).isTrue();
    assertThat(operator.matches(TestMatchContext.plain(), "0")).isFalse();
  }
}
