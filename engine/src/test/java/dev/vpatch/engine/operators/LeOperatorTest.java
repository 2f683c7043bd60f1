package dev.vpatch.engine.operators;

import static dev.vpatch.engine.operators.OperatorTesting.create;
import static dev.vpatch.engine.operators.OperatorTesting.matches;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LeOperatorTest {
  @Test
  void comparesTheInputWithTheArgument() {
    assertThat(matches("le", "2", "1")).isTrue();
    assertThat(matches("le", "2", "2")).isTrue();
    assertThat(matches("le", "2", "3")).isFalse();
  }

  @Test
  void nonNumericTextCountsAsZero() {
    assertThat(matches("le", "0", "abc")).isTrue();
    assertThat(matches("le", "x", "")).isTrue();
    assertThat(matches("le", "1", "\u0000")).isTrue();
  }

  @Test
  void usesLongsBeyondIntRangeAndSaturates() {
    assertThat(matches("le", "2147483647", "2147483648")).isFalse();
    assertThat(matches("le", "9223372036854775807", "99999999999999999999999")).isTrue();
  }

  @Test
  void expandsMacros() {
    Operator operator = create("le", "%{tx.threshold}");
    assertThat(operator.matches(TestMatchContext.plain().tx("threshold", "2"), "2")).isTrue();
    assertThat(operator.matches(TestMatchContext.plain().tx("threshold", "2"), "3")).isFalse();
    assertThat(operator.matches(TestMatchContext.plain(), "0")).isTrue();
  }
}
