package dev.vpatch.engine.operators.regex;

import dev.vpatch.engine.operators.regex.dfa.LazyDfa;
import java.util.List;

/**
 * Several patterns searched as one: a lazy DFA of their alternation tells in one pass over a value
 * whether any of them can match it. CRS's command-injection rules (932230, 932235, 932250, 932260)
 * read the same values with the same transformations, and their patterns, built to survive
 * evasions ({@code b"u's\y}), need no literal the prefilter could look for: each ran its own DFA
 * over every argument. Their union's DFA stays small (a few dozen states over benign text) and
 * costs about one of them.
 */
public final class RegexUnion {
  private final LazyDfa dfa;

  private RegexUnion(LazyDfa dfa) {
    this.dfa = dfa;
  }

  /**
   * The union of {@code patterns}, or null when one of them does not run on a DFA, when they
   * disagree on PCRE's rule for a multiline {@code ^} at the end of the text, or when the union
   * is beyond the DFA.
   */
  public static RegexUnion of(List<? extends PcrePattern> patterns) {
    if (patterns.isEmpty()) return null;
    StringBuilder alternation = new StringBuilder();
    Boolean caretAfterFinalNewline = null;
    for (PcrePattern pattern : patterns) {
      if (!(pattern instanceof Re2Pattern re2) || !re2.usesDfa()) return null;
      Boolean rule = re2.dfaCaretRule();
      if (rule != null) {
        if (caretAfterFinalNewline != null && !caretAfterFinalNewline.equals(rule)) return null;
        caretAfterFinalNewline = rule;
      }
      if (alternation.length() > 0) alternation.append('|');
      // A group keeps each pattern's inline flags ((?i), (?s)...) to itself.
      alternation.append("(?:").append(re2.translated()).append(')');
    }
    LazyDfa dfa = LazyDfa.compile(alternation.toString(), caretAfterFinalNewline == null || caretAfterFinalNewline);
    return dfa == null ? null : new RegexUnion(dfa);
  }

  /**
   * False only when no pattern of the union matches anywhere in {@code input}; true when one may
   * (including when the DFA gives up: then each pattern decides for itself).
   */
  public boolean mayMatchAny(String input) {
    return dfa.search(input) != LazyDfa.Result.NO_MATCH;
  }
}
