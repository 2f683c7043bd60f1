package dev.vpatch.engine.operators.regex;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.vpatch.engine.operators.regex.dfa.LazyDfa;
import java.util.List;
import java.util.Set;

/**
 * A pattern translated to RE2 syntax: linear-time matching.
 *
 * <p>One PCRE rule has no RE2 spelling: a multiline {@code ^} never matches at the very end of a
 * subject that ends with a newline, while RE2's does. That difference is only observable on such
 * inputs, and only for a match that ends there (a {@code ^} asserted at the end leaves nothing to
 * consume after it), so only such a match is confirmed with the bounded backtracker. Without this an
 * attacker could append a newline to turn a negated rule like CRS 920120 into a non-match.
 *
 * <p>Yes/no questions ({@link #find(String)}, and whether {@link #find(String, int)} from 0 finds
 * anything before RE2/J extracts the groups) run on a {@link LazyDfa} when it supports the
 * pattern. The DFA applies PCRE's rule for {@code ^} itself (it never matches after a newline that
 * ends the text), which is exactly what the confirmation above establishes, so it needs none.
 * RE2/J answers the rest: captures, patterns the DFA rejects, inputs it gives up on.
 */
final class Re2Pattern extends PcrePattern {
  private final Pattern compiled;
  private final BoundedJavaPattern trailingNewlineCheck;
  private final LazyDfa dfa;
  /**
   * Whether a match on an input without a newline can only be the whole input, and the pattern
   * has no group: then the DFA's "match" is the capture, and RE2/J's slower capturing engine is
   * not needed (CRS 920450 captures every header name with {@code ^.*$}).
   */
  private final boolean matchIsWholeInput;
  private final boolean multilineCaret;
  /** Captures of recent short inputs: see {@link RecentMatches}. */
  private final RecentMatches recentMatches = new RecentMatches();
  private volatile List<Set<String>> requiredLiteralSets;

  Re2Pattern(String source, PcreTranslator.Translation translation, FallbackLimits limits) {
    super(source);
    this.compiled = Pattern.compile(translation.re2());
    this.multilineCaret = translation.multilineCaret();
    this.trailingNewlineCheck =
        translation.multilineCaret() ? BoundedJavaPattern.tryCompile(source, limits) : null;
    // Without a confirmation pattern RE2's rule for ^ stands, so the DFA applies it too.
    this.dfa = LazyDfa.compile(translation.re2(), trailingNewlineCheck == null);
    this.matchIsWholeInput =
        dfa != null && compiled.groupCount() == 0 && LazyDfa.anchoredAtBothEnds(translation.re2());
  }

  /** The RE2 pattern actually run (tests, diagnostics, and a {@link RegexUnion}'s alternation). */
  String translated() {
    return compiled.pattern();
  }

  @Override
  public Set<String> requiredLiterals() {
    List<Set<String>> sets = requiredLiteralSets();
    return sets.isEmpty() ? Set.of() : sets.get(0);
  }

  @Override
  public List<Set<String>> requiredLiteralSets() {
    List<Set<String>> sets = requiredLiteralSets;
    if (sets == null) {
      sets = RequiredLiterals.conjunctionOf(compiled.pattern());
      requiredLiteralSets = sets;
    }
    return sets;
  }

  @Override
  public boolean usesFallback() {
    return false;
  }

  @Override
  public String fallbackReason() {
    return null;
  }

  /** Whether yes/no questions run on the DFA (diagnostics, tests, {@link RegexUnion}). */
  boolean usesDfa() {
    return dfa != null;
  }

  /**
   * The DFA's rule for a multiline {@code ^} after a newline that ends the text (true: it
   * matches there), or null when the pattern has no multiline {@code ^}, so that the rule does not
   * matter; a {@link RegexUnion} applies it to all its patterns.
   */
  Boolean dfaCaretRule() {
    return multilineCaret ? trailingNewlineCheck == null : null;
  }

  @Override
  public boolean find(String input) {
    if (dfa != null) {
      LazyDfa.Result result = dfa.search(input);
      if (result != LazyDfa.Result.UNDECIDED) return result == LazyDfa.Result.MATCH;
    }
    return findWithRe2(input);
  }

  /** {@link #find(String)} on RE2/J alone, the reference the DFA is tested against. */
  boolean findWithRe2(String input) {
    Matcher matcher = compiled.matcher(input);
    if (!matcher.find()) return false;
    return !needsConfirmation(input, matcher) || trailingNewlineCheck.confirm(input, 0) != null;
  }

  @Override
  public RegexMatch find(String input, int from) {
    if (from > input.length()) return null;
    // Most CRS rules capture, yet almost every value does not match: the DFA settles those.
    if (from == 0 && dfa != null) {
      LazyDfa.Result result = dfa.search(input);
      if (result == LazyDfa.Result.NO_MATCH) return null;
      if (result == LazyDfa.Result.MATCH && matchIsWholeInput && input.indexOf('\n') < 0) {
        return new RegexMatch(0, input.length(), new String[] {input});
      }
    }
    if (from != 0 || !RecentMatches.keeps(input)) return captureWithRe2(input, from);
    RegexMatch kept = recentMatches.find(input);
    if (kept != RecentMatches.UNKNOWN) return kept;
    RegexMatch match = captureWithRe2(input, 0);
    recentMatches.keep(input, match);
    return match;
  }

  /** {@link #find(String, int)} on RE2/J's capturing engine (and the confirmation, where needed). */
  private RegexMatch captureWithRe2(String input, int from) {
    Matcher matcher = compiled.matcher(input);
    if (!matcher.find(from)) return null;
    if (needsConfirmation(input, matcher)) return trailingNewlineCheck.confirm(input, from);
    String[] groups = new String[matcher.groupCount() + 1];
    for (int i = 0; i < groups.length; i++) groups[i] = matcher.group(i);
    return new RegexMatch(matcher.start(), matcher.end(), groups);
  }

  private boolean needsConfirmation(String input, Matcher match) {
    return trailingNewlineCheck != null
        && match.end() == input.length()
        && !input.isEmpty()
        && input.charAt(input.length() - 1) == '\n';
  }
}
