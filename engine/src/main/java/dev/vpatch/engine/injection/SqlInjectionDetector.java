package dev.vpatch.engine.injection;

/**
 * Detects SQL injection in a byte string the way libinjection does: tokenize the input as if it
 * were pasted into a query unquoted, inside single quotes and inside double quotes; fold each
 * token stream into a fingerprint of at most five token types; and judge the fingerprint with
 * {@link SqlFingerprintRules}. Linear in the input length; memory is a few tokens.
 */
public final class SqlInjectionDetector {
  /**
   * One folder per thread, reset for every token stream: a value is judged in up to four
   * contexts, and a form's few hundred values made new folders a tenth of what a CRS
   * transaction allocated.
   */
  private static final ThreadLocal<SqlFolder> FOLDERS = ThreadLocal.withInitial(SqlFolder::new);

  private SqlInjectionDetector() {}

  /** The fingerprint of the injection found in {@code input}, or null when there is none. */
  public static String detect(String input) {
    if (input == null || input.isEmpty() || isOneToken(input)) {
      return null;
    }
    return detectInAllContexts(input);
  }

  /**
   * Whether the input is one token whatever the context: a word (from an ASCII letter on:
   * letters, digits, {@code _} and dots, no keyword glued to a dot as in {@code SELECT.1}) or a
   * number (digits, with at most one dot between digits). It has no quote, so only the unquoted
   * context applies, and no comment, so no MySQL reading; no one-token fingerprint is an
   * injection (a test checks every keyword). A number followed by a word is not one token:
   * {@code 5GOTO} is an injection. Most benign values (ids, codes, single words, amounts) and
   * argument names ({@code first_name}, JSON's {@code json.items.array_0.sku}) take this
   * shortcut.
   */
  static boolean isOneToken(String input) {
    char first = input.charAt(0);
    if (isDigit(first)) return isDecimal(input);
    if (!isLetter(first)) return false;
    boolean dotted = false;
    for (int i = 1, n = input.length(); i < n; i++) {
      char c = input.charAt(i);
      if (c == '.') {
        dotted = true;
      } else if (!(isLetter(c) || isDigit(c) || c == '_')) {
        return false;
      }
    }
    return !dotted || SqlTokenizer.keywordGluedAt(input, 0, input.length()) < 0;
  }

  /** Digits, or digits, a dot and digits: one number token. */
  private static boolean isDecimal(String input) {
    int dot = -1;
    for (int i = 0, n = input.length(); i < n; i++) {
      char c = input.charAt(i);
      if (c == '.' && dot < 0) {
        dot = i;
      } else if (!isDigit(c)) {
        return false;
      }
    }
    return dot != input.length() - 1;
  }

  private static boolean isLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** {@link #detect} without the one-token shortcut. */
  static String detectInAllContexts(String input) {
    String found = check(input, (char) 0, false);
    if (found != null) {
      return found;
    }
    if (input.indexOf('\'') >= 0) {
      found = check(input, '\'', false);
      if (found != null) {
        return found;
      }
    }
    if (input.indexOf('"') >= 0) {
      return check(input, '"', true);
    }
    return null;
  }

  public static boolean isInjection(String input) {
    return detect(input) != null;
  }

  /**
   * Checks one quote context in ANSI mode, and in MySQL mode when the comment syntax makes a
   * difference. A {@code #} is an operator in ANSI SQL but a comment in MySQL, and attacks use it
   * as a comment, so then the MySQL reading is judged first.
   */
  private static String check(String input, char quote, boolean mysqlOnly) {
    if (mysqlOnly) {
      return judge(new SqlTokenizer(input, quote, true));
    }
    SqlTokenizer ansi = new SqlTokenizer(input, quote, false);
    String ansiVerdict = judge(ansi);
    if (ansi.hashes > 0) {
      String mysqlVerdict = judge(new SqlTokenizer(input, quote, true));
      return mysqlVerdict != null ? mysqlVerdict : ansiVerdict;
    }
    if (ansiVerdict != null || ansi.ansiOnlyComments == 0) {
      return ansiVerdict;
    }
    return judge(new SqlTokenizer(input, quote, true));
  }

  private static String judge(SqlTokenizer tokenizer) {
    SqlFolder folder = FOLDERS.get().reset(tokenizer);
    String fingerprint = fingerprint(folder);
    boolean injection = SqlFingerprintRules.isInjection(
        fingerprint, folder, tokenizer.tokenCount, tokenizer.input());
    return injection ? fingerprint : null;
  }

  /** The fingerprint of one context, for tests and diagnostics. */
  static String fingerprint(String input, char quote, boolean mysql) {
    return fingerprint(new SqlFolder(), input, quote, mysql);
  }

  /** {@link #fingerprint(String, char, boolean)} with {@code folder} reset and reused, as detection does. */
  static String fingerprint(SqlFolder folder, String input, char quote, boolean mysql) {
    return fingerprint(folder.reset(new SqlTokenizer(input, quote, mysql)));
  }

  private static String fingerprint(SqlFolder folder) {
    int count = folder.fold();
    if (count > 2) {
      SqlToken last = folder.token(count - 1);
      // PHP's `` ` `` (an unclosed, empty backtick) at the end acts as a comment
      if (last.is(SqlTokenType.BAREWORD) && last.openQuote == '`' && last.length == 0
          && last.closeQuote == 0) {
        last.type = SqlTokenType.COMMENT;
      }
    }
    StringBuilder fingerprint = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      fingerprint.append(folder.token(i).type);
    }
    return fingerprint.indexOf(String.valueOf(SqlTokenType.EVIL)) >= 0
        ? String.valueOf(SqlTokenType.EVIL)
        : fingerprint.toString();
  }
}
