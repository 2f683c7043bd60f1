package dev.vpatch.engine.operators;

import static dev.vpatch.engine.operators.OperatorTesting.create;
import static dev.vpatch.engine.operators.OperatorTesting.matches;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WithinOperatorTest {
  @Test
  void findsTheInputInsideTheArgument() {
    assertThat(matches("within", "GET HEAD POST", "HEAD")).isTrue();
    assertThat(matches("within", "GET HEAD POST", "PUT")).isFalse();
    assertThat(matches("within", "GET HEAD POST", "T HE")).isTrue();
    assertThat(matches("within", "GET", "get")).isFalse();
  }

  @Test
  void emptyInputAlwaysMatches() {
    assertThat(matches("within", "GET", "")).isTrue();
    assertThat(matches("within", "", "")).isTrue();
  }

  @Test
  void inputIsComparedUpToItsFirstNul() {
    assertThat(matches("within", "GET POST", "GET\u0000PUT")).isTrue();
  }

  @Test
  void expandsMacros() {
    Operator operator = create("within", "%{tx.allowed_methods}");
    TestMatchContext context = TestMatchContext.plain().tx("allowed_methods", "GET HEAD");
    assertThat(operator.matches(context, "GET")).isTrue();
    assertThat(operator.matches(context, "DELETE")).isFalse();
    assertThat(operator.matches(TestMatchContext.plain(), "GET")).isFalse();
  }
}
