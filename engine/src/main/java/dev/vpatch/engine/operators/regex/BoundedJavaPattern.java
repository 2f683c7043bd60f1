package dev.vpatch.engine.operators.regex;

import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The fallback for patterns RE2/J cannot express: {@link java.util.regex} with ModSecurity's flags,
 * run over at most {@code maxInputLength} bytes and aborted when its time budget is spent. An
 * aborted evaluation counts as no match, as when ModSecurity hits its PCRE match limit.
 */
final class BoundedJavaPattern extends PcrePattern {
  private static final LongAdder ABORTED = new LongAdder();

  private final Pattern compiled;
  private final String reason;
  private final long budgetNanos;
  private final int maxInputLength;

  private BoundedJavaPattern(
      String source, Pattern compiled, String reason, FallbackLimits limits) {
    super(source);
    this.compiled = compiled;
    this.reason = reason;
    this.budgetNanos = limits.budget().toNanos();
    this.maxInputLength = limits.maxInputLength();
  }

  private static final int MODSECURITY_FLAGS =
      Pattern.DOTALL | Pattern.MULTILINE | Pattern.UNIX_LINES;

  static BoundedJavaPattern compile(String source, String reason, FallbackLimits limits) {
    try {
      Pattern compiled = Pattern.compile(JavaDialect.adapt(source), MODSECURITY_FLAGS);
      return new BoundedJavaPattern(source, compiled, reason, limits);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "invalid regular expression: " + e.getDescription() + " near index " + e.getIndex()
              + " (" + reason + ")", e);
    }
  }

  /** The pattern for confirming RE2 matches, or null when java.util.regex rejects it. */
  static BoundedJavaPattern tryCompile(String source, FallbackLimits limits) {
    try {
      return compile(source, "confirmation", limits);
    } catch (IllegalArgumentException rejected) {
      return null;
    }
  }

  /**
   * Like {@link #find(String, int)}, but an aborted evaluation keeps the caller's match (a
   * placeholder without groups) instead of dropping it.
   */
  RegexMatch confirm(String input, int from) {
    try {
      long deadline = System.nanoTime() + budgetNanos;
      Matcher matcher =
          compiled.matcher(new DeadlineCharSequence(input, 0, input.length(), deadline));
      if (!matcher.find(from)) return null;
      return toMatch(input, matcher);
    } catch (DeadlineCharSequence.BudgetExceeded e) {
      ABORTED.increment();
      return new RegexMatch(from, from, new String[] {""});
    }
  }

  /** How many evaluations were aborted for exceeding their budget, since start. */
  static long abortedEvaluations() {
    return ABORTED.sum();
  }

  /** Not analysed: lookarounds and backreferences would need more care than they are worth. */
  @Override
  public Set<String> requiredLiterals() {
    return Set.of();
  }

  @Override
  public boolean usesFallback() {
    return true;
  }

  @Override
  public String fallbackReason() {
    return reason;
  }

  @Override
  public boolean find(String input) {
    try {
      return matcher(input).find();
    } catch (DeadlineCharSequence.BudgetExceeded e) {
      ABORTED.increment();
      return false;
    }
  }

  @Override
  public RegexMatch find(String input, int from) {
    DeadlineCharSequence bounded = bound(input);
    if (from > bounded.length()) return null;
    try {
      Matcher matcher = compiled.matcher(bounded);
      if (!matcher.find(from)) return null;
      return toMatch(input, matcher);
    } catch (DeadlineCharSequence.BudgetExceeded e) {
      ABORTED.increment();
      return null;
    }
  }

  private static RegexMatch toMatch(String input, Matcher matcher) {
    String[] groups = new String[matcher.groupCount() + 1];
    for (int i = 0; i < groups.length; i++) {
      groups[i] = matcher.start(i) < 0 ? null : input.substring(matcher.start(i), matcher.end(i));
    }
    return new RegexMatch(matcher.start(), matcher.end(), groups);
  }

  private Matcher matcher(String input) {
    return compiled.matcher(bound(input));
  }

  private DeadlineCharSequence bound(String input) {
    int length = Math.min(input.length(), maxInputLength);
    return new DeadlineCharSequence(input, 0, length, System.nanoTime() + budgetNanos);
  }
}
