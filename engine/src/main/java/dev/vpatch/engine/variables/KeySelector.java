package dev.vpatch.engine.variables;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.vpatch.engine.operators.regex.dfa.LazyDfa;
import dev.vpatch.engine.seclang.VariableSpec;

/**
 * Selects collection members by key: a literal (compared ignoring case), a regex (searched,
 * ignoring case, as ModSecurity compiles key regexes), or every member.
 */
public final class KeySelector {
  private static final Pattern ANCHORED_WORD = Pattern.compile("\\^[A-Za-z0-9_-]+");

  private final String variable;
  private final String literal;
  private final Pattern pattern;
  /** The same regex for yes/no questions at DFA speed, or null where the DFA lacks its syntax. */
  private final LazyDfa dfa;
  /**
   * The text of a regex that is only an anchored ASCII word like {@code /^header_name_920450_/},
   * for which a case-insensitive prefix test is the same answer (no byte above 0x7F folds onto
   * ASCII), or null.
   */
  private final String anchoredPrefix;
  /**
   * A word every key the regex selects contains (ignoring case), tested before the regex: for
   * CRS 922110's key regex {@code MULTIPART_HEADERS_CONTENT_TYPES_*} it rules out the hundred
   * other TX members at a glance. Null when the regex has no such word.
   */
  private final String requiredWord;

  private KeySelector(String variable, String literal, String regex) {
    // Interned: a ctl target removal finds the rule targets it applies to by identity.
    this.variable = variable.intern();
    this.literal = literal == null ? null : KeyedValues.foldedKey(literal);
    this.pattern = regex == null ? null : compileKeyRegex(regex);
    this.dfa = pattern == null ? null : LazyDfa.compile(pattern.pattern(), true);
    this.anchoredPrefix = regex != null && ANCHORED_WORD.matcher(regex).matches() ? regex.substring(1) : null;
    this.requiredWord = regex == null || anchoredPrefix != null ? null : leadingWord(regex);
  }

  /**
   * The run of letters, digits, {@code _} and {@code -} a regex without alternation starts with
   * (after an optional {@code ^}), less a last character that a quantifier makes optional; null
   * when shorter than three characters. Such characters are literals in RE2 syntax and, with no
   * {@code |} anywhere, a concatenation's first run is in every match.
   */
  static String leadingWord(String regex) {
    if (regex.indexOf('|') >= 0) return null;
    int start = regex.startsWith("^") ? 1 : 0;
    int end = start;
    while (end < regex.length() && isWordChar(regex.charAt(end))) end++;
    if (end < regex.length() && "*?+{".indexOf(regex.charAt(end)) >= 0) end--;
    return end - start >= 3 ? regex.substring(start, end) : null;
  }

  private static boolean isWordChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
  }

  private static boolean containsIgnoringCase(String text, String word) {
    for (int i = 0, last = text.length() - word.length(); i <= last; i++) {
      if (text.regionMatches(true, i, word, 0, word.length())) return true;
    }
    return false;
  }

  public static KeySelector of(VariableSpec spec) {
    return new KeySelector(spec.name(), spec.key(), spec.keyRegex());
  }

  private static Pattern compileKeyRegex(String regex) {
    try {
      return Pattern.compile("(?i)" + regex, Pattern.DISABLE_UNICODE_GROUPS);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("invalid key regex /" + regex + "/: " + e.getDescription());
    }
  }

  /** The variable this selector is about (e.g. ARGS). */
  public String variable() {
    return variable;
  }

  /**
   * The literal key this selector compares with (ignoring case), folded ({@link
   * KeyedValues#foldedKey}), or null for a regex or all.
   */
  public String literal() {
    return literal;
  }

  /** Whether every key is selected (no literal, no regex). */
  public boolean selectsAll() {
    return literal == null && pattern == null;
  }

  public boolean matches(String key) {
    if (literal != null) return literal.equalsIgnoreCase(key);
    if (anchoredPrefix != null) return key.regionMatches(true, 0, anchoredPrefix, 0, anchoredPrefix.length());
    if (pattern != null) {
      if (requiredWord != null && !containsIgnoringCase(key, requiredWord)) return false;
      LazyDfa.Result result = dfa == null ? LazyDfa.Result.UNDECIDED : dfa.search(key);
      return result == LazyDfa.Result.UNDECIDED ? pattern.matcher(key).find() : result == LazyDfa.Result.MATCH;
    }
    return true;
  }
}
