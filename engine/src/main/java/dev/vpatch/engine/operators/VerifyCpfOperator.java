package dev.vpatch.engine.operators;

import java.util.Arrays;

/**
 * {@code @verifyCPF}: matches when the regular expression finds a Brazilian CPF number whose two
 * check digits are right. The first 11 digits of the match count; the repeated-digit numbers and
 * 01234567890 are rejected, as in ModSecurity.
 */
public final class VerifyCpfOperator extends CheckedNumberOperator {
  private static final int LENGTH = 11;

  public VerifyCpfOperator(OperatorArgument argument) {
    super(argument);
  }

  @Override
  boolean isValid(String candidate) {
    return isValidCpf(candidate);
  }

  static boolean isValidCpf(String candidate) {
    int nul = candidate.indexOf('\0');
    int[] all = CheckedNumberOperator.digits(nul < 0 ? candidate : candidate.substring(0, nul));
    if (all.length < LENGTH) return false;
    int[] cpf = Arrays.copyOf(all, LENGTH);
    if (isBlocked(cpf)) return false;
    return cpf[9] == checkDigit(cpf, 9) && cpf[10] == checkDigit(cpf, 10);
  }

  /** The check digit for position {@code count}, over the digits before it. */
  private static int checkDigit(int[] cpf, int count) {
    int sum = 0;
    for (int i = 0; i < count; i++) sum += cpf[i] * (count + 1 - i);
    int remainder = sum % LENGTH;
    return remainder < 2 ? 0 : LENGTH - remainder;
  }

  /** All digits the same, or 01234567890. */
  private static boolean isBlocked(int[] cpf) {
    boolean allSame = true;
    boolean zeroToNine = true;
    for (int i = 0; i < LENGTH; i++) {
      allSame &= cpf[i] == cpf[0];
      zeroToNine &= cpf[i] == i % 10;
    }
    return allSame || zeroToNine;
  }
}
