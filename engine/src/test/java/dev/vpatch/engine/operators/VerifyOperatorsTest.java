package dev.vpatch.engine.operators;

import static dev.vpatch.engine.operators.OperatorTesting.create;
import static dev.vpatch.engine.operators.OperatorTesting.matches;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VerifyOperatorsTest {
  private static final String CC = "(?:^|[^\\d])(\\d{4}[\\- ]?\\d{4}[\\- ]?\\d{4}[\\- ]?\\d{4})(?:[^\\d]|$)";

  @Test
  void verifyCcNeedsAMatchPassingLuhn() {
    assertThat(matches("verifyCC", CC, "card 4111 1111 1111 1111 ok")).isTrue();
    assertThat(matches("verifyCC", CC, "card 4111-1111-1111-1112 ok")).isFalse();
    assertThat(matches("verifyCC", "\\d{13,16}", "4012888888881881")).isTrue();
    assertThat(matches("verifyCC", "\\d{13,16}", "")).isFalse();
  }

  @Test
  void verifyCcTriesLaterCandidates() {
    assertThat(matches("verifyCC", "\\d{16}", "1234567812345678 and 5555555555554444")).isTrue();
    assertThat(matches("verifyCC", "\\d{16}", "x11111111111111111x")).isFalse();
    assertThat(matches("verifyCC", "\\d{16}", "x45555555555554444x")).isTrue();
  }

  @Test
  void verifyCcCapturesTheNumber() {
    TestMatchContext context = TestMatchContext.capturing();
    assertThat(create("verifyCC", "\\d{16}").matches(context, "n=4111111111111111;")).isTrue();
    assertThat(context.captures).containsEntry(0, "4111111111111111");
  }

  @Test
  void luhnIgnoresNonDigitsAndNeedsDigits() {
    assertThat(VerifyCcOperator.passesLuhn("4111-1111-1111-1111")).isTrue();
    assertThat(VerifyCcOperator.passesLuhn("79927398713")).isTrue();
    assertThat(VerifyCcOperator.passesLuhn("79927398710")).isFalse();
    assertThat(VerifyCcOperator.passesLuhn("0")).isTrue();
    assertThat(VerifyCcOperator.passesLuhn("--")).isFalse();
  }

  @Test
  void verifyCpfChecksBothDigits() {
    String pattern = "\\d{3}\\.?\\d{3}\\.?\\d{3}-?\\d{2}";
    assertThat(matches("verifyCPF", pattern, "cpf=529.982.247-25")).isTrue();
    assertThat(matches("verifyCPF", pattern, "cpf=529.982.247-26")).isFalse();
    assertThat(matches("verifyCPF", pattern, "cpf=111.111.111-11")).isFalse();
    assertThat(matches("verifyCPF", pattern, "cpf=012.345.678-90")).isFalse();
    assertThat(matches("verifyCPF", "", "52998224725")).isFalse();
  }

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
    assertThat(create("verifySSN", "\\d{3}-\\d{2}-\\d{4}").matches(context, "a 123-45-6780 b")).isTrue();
    assertThat(context.captures).containsEntry(0, "123-45-6780");
  }
}
