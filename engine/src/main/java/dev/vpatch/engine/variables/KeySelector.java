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
  private final String variable;
  private final String literal;
  private final Pattern pattern;
  /** The same regex for yes/no questions at DFA speed, or null where the DFA lacks its syntax. */
  private final LazyDfa dfa;

  private KeySelector(String variable, String literal, Pattern pattern) {
    this.variable = variable;
    this.literal = literal;
    this.pattern = pattern;
    this.dfa = pattern == null ? null : LazyDfa.compile(pattern.pattern(), true);
  }

  public static KeySelector of(VariableSpec spec) {
    return new KeySelector(
        spec.name(), spec.key(), spec.keyRegex() == null ? null : compileKeyRegex(spec.keyRegex()));
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

  public boolean matches(String key) {
    if (literal != null) return literal.equalsIgnoreCase(key);
    if (pattern != null) {
      LazyDfa.Result result = dfa == null ? LazyDfa.Result.UNDECIDED : dfa.search(key);
      return result == LazyDfa.Result.UNDECIDED ? pattern.matcher(key).find() : result == LazyDfa.Result.MATCH;
    }
    return true;
  }
}
