package dev.vpatch.engine.operators;

import static dev.vpatch.engine.operators.OperatorTesting.create;
import static dev.vpatch.engine.operators.OperatorTesting.matches;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EndsWithOperatorTest {
  @Test
  void matchesSuffixes() {
    assertThat(matches("endsWith", ".pdf", "file.pdf")).isTrue();
    assertThat(matches("endsWith", ".pdf", "file.PDF")).isFalse();
    assertThat(matches("endsWith", ".pdf", "pdf")).isFalse();
    assertThat(matches("endsWith", "", "x")).isTrue();
  }

  @Test
  void expandsMacros() {
    Operator operator = create("endsWith", ".%{request_headers.host}");
    MatchContext context = new TestMatchContext.Fixed("example.com");
    assertThat(operator.matches(context, "www.example.com")).isTrue();
    assertThat(operator.matches(context, "example.com")).isFalse();
  }
}
