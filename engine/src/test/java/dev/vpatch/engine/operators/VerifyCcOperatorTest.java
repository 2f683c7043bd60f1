package dev.vpatch.engine.operators;

import static dev.vpatch.engine.operators.OperatorTesting.create;
import static dev.vpatch.engine.operators.OperatorTesting.matches;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VerifyCcOperatorTest {
  private static final String CC =
      "(?:^|[^\\d])(\\d{4}[\\- ]?\\d{4}[\\- ]?\\d{4}[\\- ]?\\d{4})(?:[^\\d]|$)";

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
}
