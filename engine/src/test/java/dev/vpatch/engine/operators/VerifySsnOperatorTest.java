package dev.vpatch.engine.operators;

import static dev.vpatch.engine.operators.OperatorTesting.create;
import static dev.vpatch.engine.operators.OperatorTesting.matches;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VerifySsnOperatorTest {
  @Test
  void verifySsnRejectsImpossibleNumbers() {
    String pattern = "\\d{3}-?\\d{2}-?\\d{4}";
    assertThat(matches("verifySSN", pattern, "ssn 123-45-6780")).isTrue();
    assertThat(matches("verifySSN", pattern, "ssn 000-45-6789")).isFalse();
    assertThat(matches("verifySSN", pattern, "ssn 666-45-6789")).isFalse();
    assertThat(matches("verifySSN", pattern, "ssn 740-45-6789")).isFalse();
    assertThat(matches("verifySSN", pattern, "ssn 123-00-6789")).isFalse();
    assertThat(matches("verifySSN", pattern, "ssn 123-45-0000")).isFalse();
    assertThat(matches("verifySSN", pattern, "ssn 123-45-6789")).isFalse();
    assertThat(matches("verifySSN", pattern, "ssn 222-22-2222")).isFalse();
  }

  @Test
  void verifySsnCapturesTheMatch() {
    TestMatchContext context = TestMatchContext.capturing();
    assertThat(create("verifySSN", "\\d{3}-\\d{2}-\\d{4}").matches(context, "a 123-45-6780 b"))
        .isTrue();
    assertThat(context.captures).containsEntry(0, "123-45-6780");
  }
}
