package dev.vpatch.engine.operators;

import static dev.vpatch.engine.operators.OperatorTesting.create;
import static dev.vpatch.engine.operators.OperatorTesting.matches;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RxOperatorTest {
  @Test
  void searchesAnywhereInTheInput() {
    assertThat(matches("rx", "b+c", "abbbcd")).isTrue();
    assertThat(matches("rx", "^b", "abc")).isFalse();
    assertThat(matches("rx", "x", "")).isFalse();
    assertThat(matches("rx", "^$", "")).isTrue();
  }

  @Test
  void nameIsCaseInsensitive() {
    assertThat(Operators.lookup("RX")).isNotNull();
  }

  @Test
  void matchesBytesIncludingNulAndHighBytes() {
    assertThat(matches("rx", "a\\x00b", "xa\u0000b")).isTrue();
    assertThat(matches("rx", "\\xff", "\u00ff")).isTrue();
    assertThat(matches("rx", "caf\u00c3\u00a9", "un caf\u00c3\u00a9")).isTrue();
  }

  @Test
  void capturesGroupsZeroToNineWhenCaptureIsOn() {
    TestMatchContext context = TestMatchContext.capturing();
    assertThat(create("rx", "(\\d+)-(x)?(\\d+)").matches(context, "id=12-34")).isTrue();
    assertThat(context.captures).isEqualTo(Map.of(0, "12-34", 1, "12", 3, "34"));
  }

  @Test
  void capturesAtMostTenGroups() {
    TestMatchContext context = TestMatchContext.capturing();
    String pattern = "(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)";
    assertThat(create("rx", pattern).matches(context, "abcdefghijk")).isTrue();
    assertThat(context.captures).containsOnlyKeys(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(context.captures.get(9)).isEqualTo("i");
  }

  @Test
  void noCaptureWithoutTheCaptureAction() {
    TestMatchContext context = TestMatchContext.plain();
    assertThat(create("rx", "(a)").matches(context, "a")).isTrue();
    assertThat(context.captures).isEmpty();
  }

  @Test
  void macroArgumentsAreExpandedPerEvaluation() {
    Operator operator = create("rx", "^%{tx.prefix}\\d+$");
    assertThat(operator.matches(TestMatchContext.plain().tx("prefix", "id"), "id42")).isTrue();
    assertThat(operator.matches(TestMatchContext.plain().tx("prefix", "no"), "id42")).isFalse();
    assertThat(operator.matches(TestMatchContext.plain(), "42")).isTrue();
  }

  @Test
  void macroExpandingToAnInvalidPatternNeverMatches() {
    Operator operator = create("rx", "%{tx.pattern}");
    assertThat(operator.matches(TestMatchContext.plain().tx("pattern", "(a"), "(a")).isFalse();
  }

  @Test
  void invalidConstantPatternIsALoadError() {
    assertThatThrownBy(() -> create("rx", "a)(")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void exposesTheCompiledPattern() {
    RxOperator operator = (RxOperator) create("rx", "abc");
    assertThat(operator.pattern().source()).isEqualTo("abc");
    assertThat(operator.pattern().usesFallback()).isFalse();
  }
}
