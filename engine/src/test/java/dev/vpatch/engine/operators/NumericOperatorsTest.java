package dev.vpatch.engine.operators;

import static dev.vpatch.engine.operators.OperatorTesting.create;
import static dev.vpatch.engine.operators.OperatorTesting.matches;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumericOperatorsTest {
  @Test
  void comparesIntegers() {
    assertThat(matches("eq", "0", "0")).isTrue();
    assertThat(matches("eq", "1", "2")).isFalse();
    assertThat(matches("gt", "1", "2")).isTrue();
    assertThat(matches("gt", "2", "2")).isFalse();
    assertThat(matches("ge", "2", "2")).isTrue();
    assertThat(matches("ge", "3", "2")).isFalse();
    assertThat(matches("lt", "2", "1")).isTrue();
    assertThat(matches("lt", "2", "2")).isFalse();
    assertThat(matches("le", "2", "2")).isTrue();
    assertThat(matches("le", "2", "3")).isFalse();
  }

  @Test
  void nonNumericTextCountsAsZero() {
    assertThat(matches("eq", "0", "")).isTrue();
    assertThat(matches("eq", "0", "abc")).isTrue();
    assertThat(matches("eq", "abc", "0")).isTrue();
    assertThat(matches("lt", "1", "x")).isTrue();
    assertThat(matches("gt", "0", "\u0000")).isFalse();
  }

  @Test
  void parsesLikeTheCLibrary() {
    assertThat(matches("eq", "12", "  12abc")).isTrue();
    assertThat(matches("eq", "-5", "\t-5")).isTrue();
    assertThat(matches("eq", "5", "+5")).isTrue();
    assertThat(matches("eq", "0", "0x10")).isTrue();
    assertThat(matches("eq", "0", "- 5")).isTrue();
    assertThat(matches("eq", "1", "1\u00002")).isTrue();
  }

  @Test
  void eqTreatsValuesOutsideIntRangeAsZeroLikeStdStoi() {
    assertThat(matches("eq", "0", "2147483648")).isTrue();
    assertThat(matches("eq", "2147483647", "2147483647")).isTrue();
    assertThat(matches("eq", "-2147483648", "-2147483648")).isTrue();
    assertThat(matches("eq", "0", "99999999999999999999999")).isTrue();
  }

  @Test
  void orderingOperatorsUseLongsAndSaturate() {
    assertThat(matches("gt", "2147483647", "2147483648")).isTrue();
    assertThat(matches("gt", "9223372036854775806", "99999999999999999999999")).isTrue();
    assertThat(matches("lt", "-9223372036854775807", "-99999999999999999999999")).isTrue();
  }

  @Test
  void expandsMacroArguments() {
    Operator operator = create("ge", "%{tx.inbound_anomaly_score_threshold}");
    TestMatchContext context = TestMatchContext.plain().tx("inbound_anomaly_score_threshold", "5");
    assertThat(operator.matches(context, "5")).isTrue();
    assertThat(operator.matches(context, "4")).isFalse();
    assertThat(operator.matches(TestMatchContext.plain(), "0")).isTrue();
    Operator lt = create("lt", "%{tx.blocking_paranoia_level}");
    assertThat(lt.matches(TestMatchContext.plain().tx("blocking_paranoia_level", "2"), "1")).isTrue();
  }
}
