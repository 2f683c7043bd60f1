package dev.vpatch.engine.operators;

import static dev.vpatch.engine.operators.OperatorTesting.create;
import static dev.vpatch.engine.operators.OperatorTesting.matches;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GeOperatorTest {
  @Test
  void comparesTheInputWithTheArgument() {
    assertThat(matches("ge", "2", "1")).isFalse();
    assertThat(matches("ge", "2", "2")).isTrue();
    assertThat(matches("ge", "2", "3")).isTrue();
  }

  @Test
  void nonNumericTextCountsAsZero() {
    assertThat(matches("ge", "0", "abc")).isTrue();
    assertThat(matches("ge", "x", "")).isTrue();
    assertThat(matches("ge", "1", "\u0000")).isFalse();
  }

  @Test
  void usesLongsBeyondIntRangeAndSaturates() {
    assertThat(matches("ge", "2147483647", "2147483648")).isTrue();
    assertThat(matches("ge", "9223372036854775807", "99999999999999999999999")).isTrue();
  }

  @Test
  void expandsMacros() {
    Operator operator = create("ge", "%{tx.threshold}");
    assertThat(operator.matches(TestMatchContext.plain().tx("threshold", "2"), "2")).isTrue();
    assertThat(operator.matches(TestMatchContext.plain().tx("threshold", "2"), "3")).isTrue();
    assertThat(operator.matches(TestMatchContext.plain(), "0")).isTrue();
  }
}
