package dev.vpatch.engine.injection;

import java.util.Locale;

/**
 * Splits a byte string into SQL tokens, one per {@link #next} call, the way a lenient SQL parser
 * of any common dialect would see it. Every call consumes at least one byte and scans each byte a
 * bounded number of times, so tokenizing is linear in the input length.
 *
 * <p>The quote context pretends the input was pasted inside a string literal opened by that
 * quote, which is where an injection usually lands: the first token is then the rest of that
 * string. In MySQL mode {@code #} starts a comment and {@code --} needs a following space.
 */
final class SqlTokenizer {
  /** Bytes that end a word, as a table: words are most of the input, checked byte by byte. */
  private static final boolean[] WORD_END = endTable(" []{}<>:\\?=@!#~+-*/&|^%(),';\t\n\u000b\f\r\"\u00a0\u0000");
  private static final boolean[] VARIABLE_END = endTable(" <>:\\?=@!#~+-*/&|^%(),';\t\n\u000b\f\r'`\"");

  private static boolean[] endTable(String stopChars) {
    boolean[] table = new boolean[256];
    for (int i = 0; i < stopChars.length(); i++) table[stopChars.charAt(i)] = true;
    return table;
  }

  private final String input;
  private final int length;
  private final char quoteContext;
  private final boolean mysql;
  private int position;

  /** Tokens produced so far (comments included): folding hides them, the guards need them. */
  int tokenCount;
  /** {@code --x} comments seen in ANSI mode, which MySQL would read differently. */
  int ansiOnlyComments;
  /** {@code #} seen, an operator in ANSI mode but a comment in MySQL. */
  int hashes;

  SqlTokenizer(String input, char quoteContext, boolean mysql) {
    this.input = input;
    this.length = input.length();
    this.quoteContext = quoteContext;
    this.mysql = mysql;
  }

  String input() {
    return input;
  }

  /** Fills {@code token} with the next token; false at the end of input. */
  boolean next(SqlToken token) {
    token.type = 0;
    if (position == 0 && quoteContext != 0 && length > 0) {
      position = readString(token, 0, quoteContext, 0);
      tokenCount++;
      return true;
    }
    while (position < length) {
      position = dispatch(token, input.charAt(position));
      if (token.type != 0) {
        tokenCount++;
        return true;
      }
    }
    return false;
  }

  private int dispatch(SqlToken token, char ch) {
    int pos = position;
    if (ch > 127) {
      return ch == 0xa0 ? pos + 1 : readWord(token, pos);
    }
    if (ch <= ' ' || ch == 127) {
      return pos + 1;
    }
    switch (ch) {
      case '"':
      case '\'':
        return readString(token, pos, ch, 1);
      case '`':
        return readTick(token, pos);
      case '#':
        return readHash(token, pos);
      case '$':
        return readMoney(token, pos);
      case '-':
        return readDash(token, pos);
      case '/':
        return readSlash(token, pos);
      case '\\':
        return readBackslash(token, pos);
      case '(', ')', ',', ';', '{', '}':
        token.set(ch, pos, 1, String.valueOf(ch));
        return pos + 1;
      case '[':
        return readBracketWord(token, pos);
      case '?', ']':
        token.set(SqlTokenType.UNKNOWN, pos, 1, String.valueOf(ch));
        return pos + 1;
      case '@':
        return readVariable(token, pos);
      case '.':
        return readNumber(token, pos);
      case '!', '%', '&', '*', '+', ':', '<', '=', '>', '^', '|', '~':
        return readOperator(token, pos);
      default:
        break;
    }
    if (ch >= '0' && ch <= '9') {
      return readNumber(token, pos);
    }
    return switch (ch) {
      case 'b', 'B' -> readDigitString(token, pos, "01");
      case 'x', 'X' -> readDigitString(token, pos, "0123456789abcdefABCDEF");
      case 'e', 'E' -> readPrefixedString(token, pos);
      case 'n', 'N' -> readNationalString(token, pos);
      case 'q', 'Q' -> readOracleQuotedString(token, pos, pos);
      case 'u', 'U' -> readUnicodeString(token, pos);
      default -> readWord(token, pos);
    };
  }

  private static boolean isWhite(char ch) {
    return ch <= ' ' || ch == 0xa0;
  }

  private static String upper(String text) {
    String cut = text.length() > SqlToken.MAX_VALUE ? text.substring(0, SqlToken.MAX_VALUE) : text;
    return cut.toUpperCase(Locale.ROOT);
  }

  private void assign(SqlToken token, char type, int start, int end) {
    token.set(type, start, end - start, upper(input.substring(start, Math.min(end, start + SqlToken.MAX_VALUE))));
  }

  private int readOperator(SqlToken token, int pos) {
    if (pos + 2 < length && input.startsWith("<=>", pos)) {
      assign(token, SqlTokenType.OPERATOR, pos, pos + 3);
      return pos + 3;
    }
    if (pos + 1 < length) {
      String pair = input.substring(pos, pos + 2);
      char type = SqlKeywords.lookup(pair);
      if (type != 0) {
        assign(token, type, pos, pos + 2);
        return pos + 2;
      }
    }
    char ch = input.charAt(pos);
    token.set(ch == ':' ? SqlTokenType.COLON : SqlTokenType.OPERATOR, pos, 1, String.valueOf(ch));
    return pos + 1;
  }

  private int readEndOfLineComment(SqlToken token, int pos) {
    int newline = input.indexOf('\n', pos);
    int end = newline < 0 ? length : newline;
    assign(token, SqlTokenType.COMMENT, pos, end);
    return newline < 0 ? length : newline + 1;
  }

  private int readHash(SqlToken token, int pos) {
    hashes++;
    if (mysql) {
      return readEndOfLineComment(token, pos);
    }
    token.set(SqlTokenType.OPERATOR, pos, 1, "#");
    return pos + 1;
  }

  private int readDash(SqlToken token, int pos) {
    boolean doubleDash = pos + 1 < length && input.charAt(pos + 1) == '-';
    if (doubleDash && (pos + 2 == length || isWhite(input.charAt(pos + 2)))) {
      return readEndOfLineComment(token, pos);
    }
    if (doubleDash && !mysql) {
      ansiOnlyComments++;
      return readEndOfLineComment(token, pos);
    }
    token.set(SqlTokenType.OPERATOR, pos, 1, "-");
    return pos + 1;
  }

  private int readSlash(SqlToken token, int pos) {
    if (pos + 1 >= length || input.charAt(pos + 1) != '*') {
      return readOperator(token, pos);
    }
    int close = input.indexOf("*/", pos + 2);
    int end = close < 0 ? length : close + 2;
    // an unterminated comment swallows the rest, nested or not
    boolean hasNested = close >= 0 && contains(pos + 2, end - 2, "/*");
    boolean mysqlExecutable = pos + 2 < length && input.charAt(pos + 2) == '!';
    // PostgreSQL nests comments and MySQL executes /*! ... */: neither parses reliably.
    char type = hasNested || mysqlExecutable ? SqlTokenType.EVIL : SqlTokenType.COMMENT;
    assign(token, type, pos, end);
    return end;
  }

  /** Whether {@code pair} starts at an index in [from, to): bounded so comments stay linear. */
  private boolean contains(int from, int to, String pair) {
    for (int i = from; i < to && i + 1 < length; i++) {
      if (input.charAt(i) == pair.charAt(0) && input.charAt(i + 1) == pair.charAt(1)) {
        return true;
      }
    }
    return false;
  }

  private int readBackslash(SqlToken token, int pos) {
    if (pos + 1 < length && input.charAt(pos + 1) == 'N') {
      assign(token, SqlTokenType.NUMBER, pos, pos + 2); // MySQL's \N is NULL
      return pos + 2;
    }
    token.set(SqlTokenType.BACKSLASH, pos, 1, "\\");
    return pos + 1;
  }

  /**
   * Reads a string whose delimiter is {@code quote}, starting {@code skip} bytes after {@code
   * pos} (1 to skip a real opening quote, 0 for the pretended one of a quote context).
   */
  private int readString(SqlToken token, int pos, char quote, int skip) {
    int start = pos + skip;
    int search = start;
    while (true) {
      int close = input.indexOf(quote, search);
      if (close < 0) {
        assign(token, SqlTokenType.STRING, start, length);
        token.openQuote = skip > 0 ? quote : 0;
        token.closeQuote = 0;
        return length;
      }
      if (isBackslashEscaped(close, start)) {
        search = close + 1;
      } else if (close + 1 < length && input.charAt(close + 1) == quote) {
        search = close + 2;
      } else {
        assign(token, SqlTokenType.STRING, start, close);
        token.openQuote = skip > 0 ? quote : 0;
        token.closeQuote = quote;
        return close + 1;
      }
    }
  }

  /** An odd run of backslashes right before {@code index} (not before {@code start}) escapes it. */
  private boolean isBackslashEscaped(int index, int start) {
    int backslashes = 0;
    for (int i = index - 1; i >= start && input.charAt(i) == '\\'; i--) {
      backslashes++;
    }
    return (backslashes & 1) == 1;
  }

  private int readTick(SqlToken token, int pos) {
    int end = readString(token, pos, '`', 1);
    // MySQL quotes identifiers with backticks; a quoted function name still calls the function.
    token.type = SqlKeywords.lookup(token.value) == SqlTokenType.FUNCTION
        ? SqlTokenType.FUNCTION
        : SqlTokenType.BAREWORD;
    return end;
  }

  /** E'...' (PostgreSQL escape string) or N'...' (national character set). */
  private int readPrefixedString(SqlToken token, int pos) {
    if (pos + 2 >= length || input.charAt(pos + 1) != '\'') {
      return readWord(token, pos);
    }
    return readString(token, pos + 1, '\'', 1);
  }

  private int readNationalString(SqlToken token, int pos) {
    if (pos + 2 < length && input.charAt(pos + 1) == '\'') {
      return readPrefixedString(token, pos);
    }
    return readOracleQuotedString(token, pos, pos + 1);
  }

  /** U&'...' (PostgreSQL Unicode string). */
  private int readUnicodeString(SqlToken token, int pos) {
    if (pos + 2 < length && input.charAt(pos + 1) == '&' && input.charAt(pos + 2) == '\'') {
      return readString(token, pos + 2, '\'', 1);
    }
    return readWord(token, pos);
  }

  /** Oracle's q'[...]' with any delimiter; {@code qpos} is where the q is (after an optional n). */
  private int readOracleQuotedString(SqlToken token, int pos, int qpos) {
    if (qpos + 2 >= length
        || Character.toLowerCase(input.charAt(qpos)) != 'q'
        || input.charAt(qpos + 1) != '\''
        || input.charAt(qpos + 2) < 33) {
      return readWord(token, pos);
    }
    char open = input.charAt(qpos + 2);
    char close = switch (open) {
      case '(' -> ')';
      case '[' -> ']';
      case '{' -> '}';
      case '<' -> '>';
      default -> open;
    };
    return readDelimited(token, qpos + 3, String.valueOf(close) + '\'', 'q');
  }

  /** A string running from {@code start} to {@code delimiter} (or the end); marked by {@code kind}. */
  private int readDelimited(SqlToken token, int start, String delimiter, char kind) {
    int close = input.indexOf(delimiter, start);
    if (close < 0) {
      assign(token, SqlTokenType.STRING, start, length);
      token.openQuote = kind;
      return length;
    }
    assign(token, SqlTokenType.STRING, start, close);
    token.openQuote = kind;
    token.closeQuote = kind;
    return close + delimiter.length();
  }

  /** b'0101' and x'ff00' literals are numbers; anything else starting with b or x is a word. */
  private int readDigitString(SqlToken token, int pos, String digits) {
    if (pos + 2 >= length || input.charAt(pos + 1) != '\'') {
      return readWord(token, pos);
    }
    int end = pos + 2;
    while (end < length && digits.indexOf(input.charAt(end)) >= 0) {
      end++;
    }
    if (end >= length || input.charAt(end) != '\'') {
      return readWord(token, pos);
    }
    assign(token, SqlTokenType.NUMBER, pos, end + 1);
    return end + 1;
  }

  private int readBracketWord(SqlToken token, int pos) {
    int close = input.indexOf(']', pos);
    int end = close < 0 ? length : close + 1;
    assign(token, SqlTokenType.BAREWORD, pos, end);
    return end;
  }

  private int spanUntil(int pos, boolean[] stops) {
    int end = pos;
    while (end < length) {
      char c = input.charAt(end);
      // Input is a byte string; a char above 0xFF would not be a stop character either.
      if (c < 256 && stops[c]) break;
      end++;
    }
    return end;
  }

  private int readWord(SqlToken token, int pos) {
    int end = spanUntil(pos, WORD_END);
    int keywordEnd = keywordGluedAt(input, pos, end);
    if (keywordEnd >= 0) {
      assign(token, SqlKeywords.lookup(upper(input.substring(pos, keywordEnd))), pos, keywordEnd);
      return keywordEnd;
    }
    assign(token, SqlTokenType.BAREWORD, pos, end);
    if (end - pos <= SqlToken.MAX_VALUE) {
      char type = SqlKeywords.lookup(token.value);
      if (type != 0) {
        token.type = type;
      }
    }
    return end;
  }

  /**
   * Where the word {@code [pos, end)} of {@code input} splits because a keyword is glued to what
   * follows by a dot or a backtick ("SELECT.1", "SELECT`x`"): the index of that dot or backtick,
   * or -1 when the word stays whole. A longer prefix is looked up only while some keyword goes on
   * past this dot (DBMS_LOCK.SLEEP): JSON argument names are dotted paths, and a lookup per prefix
   * cost more than the detection.
   */
  static int keywordGluedAt(String input, int pos, int end) {
    int limit = Math.min(end, pos + SqlToken.MAX_VALUE);
    for (int i = pos; i < limit; i++) {
      char ch = input.charAt(i);
      if (ch == '.' || ch == '`') {
        String head = upper(input.substring(pos, i));
        char type = SqlKeywords.lookup(head);
        if (type != 0 && type != SqlTokenType.BAREWORD) return i;
        if (!SqlKeywords.continuesPast(head)) break;
      }
    }
    return -1;
  }

  private int readVariable(SqlToken token, int pos) {
    int start = pos + 1;
    if (start < length && input.charAt(start) == '@') {
      start++;
    }
    if (start < length) {
      char ch = input.charAt(start);
      if (ch == '`') {
        int end = readTick(token, start);
        token.type = SqlTokenType.VARIABLE;
        return end;
      }
      if (ch == '\'' || ch == '"') {
        int end = readString(token, start, ch, 1);
        token.type = SqlTokenType.VARIABLE;
        return end;
      }
    }
    int end = spanUntil(start, VARIABLE_END);
    assign(token, SqlTokenType.VARIABLE, start, end);
    return end;
  }

  /** $1,000.00 is money (a number), $$...$$ and $tag$...$tag$ are PostgreSQL strings. */
  private int readMoney(SqlToken token, int pos) {
    if (pos + 1 == length) {
      token.set(SqlTokenType.BAREWORD, pos, 1, "$");
      return length;
    }
    int digitsEnd = pos + 1;
    while (digitsEnd < length && "0123456789.,".indexOf(input.charAt(digitsEnd)) >= 0) {
      digitsEnd++;
    }
    int digits = digitsEnd - pos - 1;
    if (digits == 1 && input.charAt(pos + 1) == '.') {
      return readWord(token, pos);
    }
    if (digits > 0) {
      assign(token, SqlTokenType.NUMBER, pos, digitsEnd);
      return digitsEnd;
    }
    if (input.charAt(pos + 1) == '$') {
      return readDelimited(token, pos + 2, "$$", '$');
    }
    int tagEnd = pos + 1;
    while (tagEnd < length && isAsciiLetter(input.charAt(tagEnd))) {
      tagEnd++;
    }
    if (tagEnd == pos + 1 || tagEnd >= length || input.charAt(tagEnd) != '$') {
      token.set(SqlTokenType.BAREWORD, pos, 1, "$");
      return pos + 1;
    }
    return readDelimited(token, tagEnd + 1, input.substring(pos, tagEnd + 1), '$');
  }

  private static boolean isAsciiLetter(char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
  }



  private int readNumber(SqlToken token, int pos) {
    if (input.charAt(pos) == '0' && pos + 1 < length) {
      char radix = Character.toLowerCase(input.charAt(pos + 1));
      String digits = radix == 'x' ? "0123456789abcdefABCDEF" : radix == 'b' ? "01" : null;
      if (digits != null) {
        int end = pos + 2;
        while (end < length && digits.indexOf(input.charAt(end)) >= 0) {
          end++;
        }
        assign(token, end == pos + 2 ? SqlTokenType.BAREWORD : SqlTokenType.NUMBER, pos, end);
        return end;
      }
    }
    int end = skipDigits(pos);
    boolean dot = false;
    if (end < length && input.charAt(end) == '.') {
      dot = true;
      end = skipDigits(end + 1);
      if (end - pos == 1) {
        token.set(SqlTokenType.DOT, pos, 1, ".");
        return end;
      }
    }
    boolean exponentMark = false;
    boolean exponentDigits = false;
    if (end < length && Character.toLowerCase(input.charAt(end)) == 'e') {
      exponentMark = true;
      end++;
      if (end < length && (input.charAt(end) == '+' || input.charAt(end) == '-')) {
        end++;
      }
      int digitsEnd = skipDigits(end);
      exponentDigits = digitsEnd > end;
      end = digitsEnd;
    }
    end = skipFloatSuffix(end);
    boolean malformed = dot && exponentMark && !exponentDigits;
    assign(token, malformed ? SqlTokenType.BAREWORD : SqlTokenType.NUMBER, pos, end);
    return end;
  }

  private int skipDigits(int pos) {
    while (pos < length && input.charAt(pos) >= '0' && input.charAt(pos) <= '9') {
      pos++;
    }
    return pos;
  }

  /** Oracle's 1.5f / 1.5d suffixes, and MySQL reading "1fUNION" as "1f UNION". */
  private int skipFloatSuffix(int pos) {
    if (pos >= length || "dDfF".indexOf(input.charAt(pos)) < 0) {
      return pos;
    }
    if (pos + 1 == length) {
      return pos + 1;
    }
    char after = input.charAt(pos + 1);
    if (isWhite(after) || after == ';' || after == 'u' || after == 'U') {
      return pos + 1;
    }
    return pos;
  }
}
