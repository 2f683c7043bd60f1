package dev.vpatch.engine.operators;

/**
 * {@code @verifyCC}: matches when the regular expression finds a number whose digits pass the Luhn
 * check (credit card numbers). Non-digits inside the match are ignored.
 */
public final class VerifyCcOperator extends CheckedNumberOperator {
  public VerifyCcOperator(OperatorArgument argument) {
    super(argument);
  }

  @Override
  boolean isValid(String candidate) {
    return passesLuhn(candidate);
  }

  static boolean passesLuhn(String candidate) {
    int[] digits = CheckedNumberOperator.digits(candidate);
    if (digits.length == 0) return false;
    int sum = 0;
    for (int i = 0; i < digits.length; i++) {
      boolean doubled = (digits.length - i) % 2 == 0;
      int value = doubled ? digits[i] * 2 : digits[i];
      sum += value > 9 ? value - 9 : value;
    }
    return sum % 10 == 0;
  }
}
