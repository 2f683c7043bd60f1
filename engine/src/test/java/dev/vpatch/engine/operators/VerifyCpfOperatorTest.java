package dev.vpatch.engine.operators;

import static dev.vpatch.engine.operators.OperatorTesting.matches;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VerifyCpfOperatorTest {
  @Test
  void verifyCpfChecksBothDigits() {
    String pattern = "\\d{3}\\.?\\d{3}\\.?\\d{3}-?\\d{2}";
    assertThat(matches("verifyCPF", pattern, "cpf=529.982.247-25")).isTrue();
    assertThat(matches("verifyCPF", pattern, "cpf=529.982.247-26")).isFalse();
    assertThat(matches("verifyCPF", pattern, "cpf=111.111.111-11")).isFalse();
    assertThat(matches("verifyCPF", pattern, "cpf=012.345.678-90")).isFalse();
    assertThat(matches("verifyCPF", "", "52998224725")).isFalse();
  }
}
