package dev.vpatch.engine.operators;

import static dev.vpatch.engine.operators.OperatorTesting.create;
import static dev.vpatch.engine.operators.OperatorTesting.matches;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StrEqOperatorTest {
  @Test
  void comparesExactlyAndCaseSensitively() {
    assertThat(matches("streq", "POST", "POST")).isTrue();
    assertThat(matches("streq", "POST", "post")).isFalse();
    assertThat(matches("streq", "POST", "POST ")).isFalse();
    assertThat(matches("streq", "", "")).isTrue();
    assertThat(matches("streq", "a\u0000b", "a\u0000b")).isTrue();
    assertThat(matches("streq", "a\u0000b", "a")).isFalse();
  }

  @Test
  void expandsMacros() {
    Operator operator = create("streq", "%{tx.2}");
    assertThat(operator.matches(TestMatchContext.plain().tx("2", "abc"), "abc")).isTrue();
    assertThat(operator.matches(TestMatchContext.plain(), "")).isTrue();
    assertThat(operator.matches(TestMatchContext.plain(), "abc")).isFalse();
  }
}
