package dev.vpatch.engine.operators;

/**
 * {@code @verifyCC}: matches when the regular expression finds a number whose digits pass the Luhn
 * check (credit card numbers). Non-digits inside the match are ignored.
 */
public final class VerifyCcOperator implements Operator {
  private final CheckedNumberSearch search;

  public VerifyCcOperator(OperatorArgument argument) {
    this.search = new CheckedNumberSearch(argument, VerifyCcOperator::passesLuhn);
  }

  @Override
  public boolean matches(MatchContext context, String input) {
    return search.matches(context, input);
  }

  static boolean passesLuhn(String candidate) {
    int[] digits = CheckedNumberSearch.digits(candidate);
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
