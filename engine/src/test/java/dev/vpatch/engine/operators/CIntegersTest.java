package dev.vpatch.engine.operators;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CIntegersTest {
  @Test
  void nonNumericTextIsZero() {
    assertThat(CIntegers.atoll("")).isZero();
    assertThat(CIntegers.atoll("abc")).isZero();
    assertThat(CIntegers.atoll("\u0000")).isZero();
    assertThat(CIntegers.atoll("- 5")).isZero();
    assertThat(CIntegers.atoll("0x10")).isZero();
  }

  @Test
  void skipsLeadingWhitespaceReadsASignAndStopsAtTheFirstNonDigit() {
    assertThat(CIntegers.atoll("  12abc")).isEqualTo(12);
    assertThat(CIntegers.atoll("\t\n\u000b\f\r-5")).isEqualTo(-5);
    assertThat(CIntegers.atoll("+5")).isEqualTo(5);
    assertThat(CIntegers.atoll("1\u00002")).isEqualTo(1);
    assertThat(CIntegers.atoll("007")).isEqualTo(7);
  }

  @Test
  void atollSaturatesOnOverflow() {
    assertThat(CIntegers.atoll("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
    assertThat(CIntegers.atoll("99999999999999999999999")).isEqualTo(Long.MAX_VALUE);
    assertThat(CIntegers.atoll("-99999999999999999999999")).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void stoiGivesZeroOutsideIntRange() {
    assertThat(CIntegers.stoi("2147483647")).isEqualTo(Integer.MAX_VALUE);
    assertThat(CIntegers.stoi("-2147483648")).isEqualTo(Integer.MIN_VALUE);
    assertThat(CIntegers.stoi("2147483648")).isZero();
    assertThat(CIntegers.stoi("99999999999999999999999")).isZero();
  }
}
