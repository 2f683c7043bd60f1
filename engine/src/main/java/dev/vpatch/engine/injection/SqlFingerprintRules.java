package dev.vpatch.engine.injection;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Decides whether a folded fingerprint is an injection. A fingerprint says how the input
 * continues the query it was pasted into: an injection leaves the value it was meant to be and
 * adds SQL structure (a boolean condition, a UNION, a stacked statement, a function call, a
 * comment that cuts the rest of the query...). Plain text rarely does, because words next to
 * words ("nn") or values next to values are not SQL. Short fingerprints are ambiguous; the guards
 * below accept them only with extra evidence.
 *
 * <p>Patterns run on strings of at most five characters, so they cost constant time.
 */
final class SqlFingerprintRules {
  /** A value as seen in a fingerprint: string, number, bareword or variable. */
  private static final String V = "[sn1v]";

  private static final List<Pattern> DANGEROUS = compile(
      // UNION [ALL] SELECT / UNION (SELECT right after the value, or as the whole value
      "^[sn1v]\\)*U[E(]",
      "^UE[1vfs(]",
      // a sub-select after an operator, a comma, a keyword or the broken-out string
      "[&o,;kf]\\(+E",
      "^s\\)*\\(+E",
      // stacked statement after a value
      "^" + V + "\\)*c?;(?:[ETU(k]|f\\()",
      // boolean condition after the value: 1 OR 1=1, ' OR '1'='1, x') AND (1=1
      "^[s1v]\\)*&\\(*(?:[fET(]|" + V + "(?:$|[o&)c,UBkA]))",
      "^n\\)*&\\(*(?:[fET(]|" + V + "(?:$|[&c]|o[sn1v(f]))",
      "^[s1v]\\)*&\\(*" + V + ";",
      "^n\\)*&\\(*" + V + ";c",
      "^so" + V + "\\)*&",
      "^&\\(*" + V + "o" + V,
      // a comparison or concatenation that leaves the quoted string: x' = 'x, x' || 'y
      "^sos(?:$|[&;cUBkTo1])",
      "^so" + V + "\\)*c$",
      // arithmetic or concatenation with a function call: '+sleep(5)+', 1*benchmark(...)
      "^" + V + "\\)*[o&]\\(*f\\(",
      "^[s1v]\\)*f\\(",
      // a function call as the whole value: sleep(5), extractvalue(1,...)
      "^f\\((?:[sn1vt][),]|E|f\\()",
      // ORDER BY / GROUP BY column probing
      "^[s1v]\\)*B[1nsvf(]",
      "^n\\)*B[1f]",
      // T-SQL statements: WAITFOR DELAY, EXEC, DECLARE
      "^[s1v]\\)*T",
      "^n\\)+T",
      "^T[vT][sn1vo(,;]",
      // a statement right after the value: 1' WAITFOR DELAY '0:0:5'--
      "^s\\)*E[sn1v(f]",
      "^[1v]\\)*E[sv(f]",
      "^n\\)*E[s1]",
      // a statement as the value: SELECT sleep(1), SELECT x FROM
      "^E\\(*f\\(.",
      "^E[onv1s]k",
      "^Ek[n1sv]k",
      // a value then a cut-off comment: admin'--, 1)/*
      "^[s1v]\\)*c$",
      "^nc$",
      // a comparison with a call: x' > foo(1)
      "^son\\(",
      // parenthesised values then a condition, statement or operator: ') + 1--
      "^" + V + "\\)+[UBT;]",
      "^[s1v]\\)+o",
      // arithmetic that ends the statement: x' + 1;--, 1) + 1--
      "^[s1v]\\)*o" + V + "\\)*[;c&]");

  /**
   * Verdicts per fingerprint: there are few distinct fingerprints in real traffic, and running
   * thirty regexes (with their matcher allocations) per value was the detector's main cost. Bounded
   * so that an attacker cycling fingerprints cannot grow it.
   */
  private static final ConcurrentHashMap<String, Boolean> VERDICTS = new ConcurrentHashMap<>();

  private static final int MAX_REMEMBERED_VERDICTS = 16_384;

  private SqlFingerprintRules() {}

  private static List<Pattern> compile(String... patterns) {
    return java.util.Arrays.stream(patterns).map(Pattern::compile).toList();
  }

  /**
   * @param fingerprint the folded token types
   * @param tokens the folded tokens (at least {@code fingerprint.length()} of them)
   * @param tokenCount how many tokens the tokenizer produced, comments included
   * @param input the whole input
   */
  static boolean isInjection(String fingerprint, SqlFolder tokens, int tokenCount, String input) {
    if (fingerprint.isEmpty()) {
      return false;
    }
    if (fingerprint.indexOf(SqlTokenType.EVIL) >= 0) {
      return true;
    }
    if (hasOutfile(fingerprint, tokens)) {
      return true;
    }
    if (!matchesDangerous(fingerprint)) {
      return false;
    }
    return passesGuards(fingerprint, tokens, tokenCount, input);
  }

  private static boolean matchesDangerous(String fingerprint) {
    Boolean known = VERDICTS.get(fingerprint);
    if (known != null) {
      return known;
    }
    boolean dangerous = false;
    for (Pattern pattern : DANGEROUS) {
      if (pattern.matcher(fingerprint).find()) {
        dangerous = true;
        break;
      }
    }
    if (VERDICTS.size() < MAX_REMEMBERED_VERDICTS) {
      VERDICTS.put(fingerprint, dangerous);
    }
    return dangerous;
  }

  /** INTO OUTFILE / INTO DUMPFILE write files: dangerous wherever they appear. */
  private static boolean hasOutfile(String fingerprint, SqlFolder tokens) {
    for (int i = 1; i < fingerprint.length(); i++) {
      String value = tokens.token(i).value;
      if (fingerprint.charAt(i) == SqlTokenType.KEYWORD
          && (value.equals("INTO OUTFILE") || value.equals("INTO DUMPFILE"))) {
        return true;
      }
    }
    return false;
  }

  /** The false-positive guards for short fingerprints, which ordinary text can produce. */
  private static boolean passesGuards(
      String fingerprint, SqlFolder tokens, int tokenCount, String input) {
    int length = fingerprint.length();
    char last = fingerprint.charAt(length - 1);
    if (length > 1 && last == SqlTokenType.COMMENT && input.contains("sp_password")) {
      return true; // hides the statement from MSSQL's audit log
    }
    if (last == SqlTokenType.COMMENT && length <= 3) {
      return commentEndingIsAttack(fingerprint, tokens, tokenCount, input);
    }
    if (length == 3 && (fingerprint.equals("sos") || fingerprint.charAt(1) == SqlTokenType.LOGIC_OPERATOR)) {
      return shortConditionIsAttack(fingerprint, tokens, tokenCount);
    }
    return true;
  }

  /**
   * A value followed only by a comment. Three tokens ("1)--", "')#") are clear enough; two need
   * evidence that the comment cuts a query rather than decorates text.
   */
  private static boolean commentEndingIsAttack(
      String fingerprint, SqlFolder tokens, int tokenCount, String input) {
    if (fingerprint.length() > 2) {
      return true;
    }
    String text = tokens.token(1).value;
    if (text.startsWith("#")) {
      return false; // "#" in text is far more often a hashtag or an anchor
    }
    SqlToken first = tokens.token(0);
    if (first.is(SqlTokenType.BAREWORD)) {
      return text.startsWith("/*");
    }
    if (first.is(SqlTokenType.NUMBER)) {
      if (text.startsWith("/*") || tokenCount > 2) {
        return true; // "1/*", or folding happened: "1*1--"
      }
      // "1234 --" yes, but "1234-ABCD--" (base64-like ids) no
      int after = first.position + first.length;
      return after < input.length() && (input.charAt(after) <= ' ' || input.startsWith("--", after));
    }
    if (text.startsWith("--") && text.length() > 2) {
      return false; // "-- some words": a dash used as punctuation, not a cut-off query
    }
    if (first.is(SqlTokenType.STRING)) {
      return first.openQuote == 0 && first.closeQuote != 0; // the value's own quote was closed
    }
    return true;
  }

  /** Values that ordinary text joins with "and"/"or" without any SQL around them. */
  private static final java.util.Set<String> PLAIN_CONDITIONS =
      java.util.Set.of("s&n", "n&1", "1&1", "1&v", "1&s", "1&n", "n&s", "n&v", "v&1", "v&n", "v&s", "v&v");

  private static boolean shortConditionIsAttack(String fingerprint, SqlFolder tokens, int tokenCount) {
    if (fingerprint.equals("s&s") || fingerprint.equals("sos")) {
      SqlToken a = tokens.token(0);
      SqlToken b = tokens.token(2);
      // ...foo' || 'bar...: both strings break out of the pretended quote
      return a.openQuote == 0 && b.closeQuote == 0 && a.closeQuote == b.openQuote && a.closeQuote != 0;
    }
    if (fingerprint.equals("n&n")) {
      return false; // "apples or pears", "one, two or three"
    }
    // "sexy and 17" is text; "17 and 1=1" folds to the same shape but has more tokens
    return !(tokenCount == 3 && PLAIN_CONDITIONS.contains(fingerprint));
  }
}
