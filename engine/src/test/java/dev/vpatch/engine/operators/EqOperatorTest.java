package dev.vpatch.engine.operators;

import static dev.vpatch.engine.operators.OperatorTesting.create;
import static dev.vpatch.engine.operators.OperatorTesting.matches;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EqOperatorTest {
  @Test
  void comparesIntegerValues() {
    assertThat(matches("eq", "0", "0")).isTrue();
    assertThat(matches("eq", "1", "2")).isFalse();
    assertThat(matches("eq", "12", "  12abc")).isTrue();
    assertThat(matches("eq", "-5", "\t-5")).isTrue();
  }

  @Test
  void nonNumericAndEmptyInputEqualZero() {
    assertThat(matches("eq", "0", "")).isTrue();
    assertThat(matches("eq", "0", "abc")).isTrue();
    assertThat(matches("eq", "abc", "0")).isTrue();
    assertThat(matches("eq", "1", "\u00001")).isFalse();
  }

  @Test
  void valuesOutsideIntRangeEqualZeroLikeStdStoi() {
    assertThat(matches("eq", "0", "2147483648")).isTrue();
    assertThat(matches("eq", "2147483647", "2147483647")).isTrue();
  }

  @Test
  void expandsMacros() {
    Operator operator = create("eq", "%{tx.expected}");
    assertThat(operator.matches(TestMatchContext.plain().tx("expected", "3"), "3")).isTrue();
    assertThat(operator.matches(TestMatchContext.plain().tx("expected", "3"), "4")).isFalse();
    assertThat(operator.matches(TestMatchContext.plain(), "0")).isTrue();
  }
}
