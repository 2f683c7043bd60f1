package dev.vpatch.engine.operators;

import dev.vpatch.engine.operators.regex.PcrePattern;
import dev.vpatch.engine.operators.regex.RegexMatch;

/**
 * The search behind {@code @verifyCC}, {@code @verifyCPF} and {@code @verifySSN}: every candidate
 * the pattern finds (the leftmost match from each start offset, like ModSecurity's retry at every
 * offset) is checked; the first that passes is the match, and TX:0 with {@code capture}.
 */
abstract class CheckedNumberOperator implements Operator {
  private final PcrePattern pattern;

  CheckedNumberOperator(OperatorArgument argument) {
    this.pattern = argument.text().isEmpty() ? null : PcrePattern.compile(argument.text());
  }

  /** Whether one candidate found by the pattern is a valid number of this kind. */
  abstract boolean isValid(String candidate);

  @Override
  public final boolean matches(MatchContext context, String input) {
    if (pattern == null) return false;
    int from = 0;
    while (from <= input.length()) {
      RegexMatch candidate = pattern.find(input, from);
      if (candidate == null) return false;
      if (isValid(candidate.text())) {
        if (context.captureEnabled()) context.capture(0, candidate.text());
        return true;
      }
      from = candidate.start() + 1;
    }
    return false;
  }

  /** The decimal digits of {@code text}, in order, as values 0-9. */
  static int[] digits(String text) {
    return text.chars().filter(c -> c >= '0' && c <= '9').map(c -> c - '0').toArray();
  }
}
