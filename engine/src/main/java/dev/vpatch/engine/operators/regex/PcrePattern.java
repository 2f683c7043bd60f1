package dev.vpatch.engine.operators.regex;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A PCRE pattern (a byte string, as written in a rule) compiled for matching byte strings with
 * ModSecurity's semantics. Runs on RE2/J (linear time) whenever {@link PcreTranslator} can express
 * the pattern; only otherwise on a {@link java.util.regex} backtracker bounded by a time budget and
 * an input length cap. Immutable and thread-safe.
 */
public abstract class PcrePattern {
  /** Time and size bounds for patterns that need the backtracking fallback. */
  public record FallbackLimits(Duration budget, int maxInputLength) {
    public static final FallbackLimits DEFAULT = new FallbackLimits(Duration.ofMillis(50), 65_536);
  }

  private final String source;

  PcrePattern(String source) {
    this.source = source;
  }

  /**
   * @throws IllegalArgumentException with a user-facing message when no engine accepts the pattern
   */
  public static PcrePattern compile(String pcre) {
    return compile(pcre, FallbackLimits.DEFAULT);
  }

  public static PcrePattern compile(String pcre, FallbackLimits limits) {
    String effective = pcre.isEmpty() ? ".*" : pcre;
    PcreTranslator.Translation translated;
    try {
      translated = PcreTranslator.translate(effective);
    } catch (UnsupportedPcreException unsupported) {
      return BoundedJavaPattern.compile(effective, unsupported.getMessage(), limits);
    }
    try {
      return new Re2Pattern(pcre, translated, limits);
    } catch (com.google.re2j.PatternSyntaxException rejected) {
      return BoundedJavaPattern.compile(effective, rejected.getDescription(), limits);
    }
  }

  /**
   * How many fallback evaluations were abandoned for exceeding their time budget since start (each
   * counted as no match), for metrics and alerts.
   */
  public static long abortedFallbackEvaluations() {
    return BoundedJavaPattern.abortedEvaluations();
  }

  /** The pattern as written in the rule. */
  public String source() {
    return source;
  }

  /** Whether this pattern runs on the bounded backtracker instead of RE2/J. */
  public abstract boolean usesFallback();

  /** Why RE2/J could not take the pattern, or null when it did. */
  public abstract String fallbackReason();

  /**
   * Strings of which every match contains at least one, compared ignoring ASCII case (members are
   * lower case); empty when no such set is known. For prefiltering: when an input contains none of
   * them, the pattern cannot match it.
   */
  public abstract Set<String> requiredLiterals();

  /**
   * Sets of literals of which every match contains one member of each, the first being {@link
   * #requiredLiterals()}; empty when none is known. More sets reject more values before the
   * pattern runs.
   */
  public List<Set<String>> requiredLiteralSets() {
    Set<String> literals = requiredLiterals();
    return literals.isEmpty() ? List.of() : List.of(literals);
  }

  /** Whether the pattern matches somewhere in {@code input}. */
  public abstract boolean find(String input);

  /** The leftmost match starting at or after {@code from}, with groups, or null. */
  public abstract RegexMatch find(String input, int from);

  @Override
  public String toString() {
    return source;
  }
}
