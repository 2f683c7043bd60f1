package dev.vpatch.engine.injection;

import static dev.vpatch.engine.injection.SqlTokenType.BACKSLASH;
import static dev.vpatch.engine.injection.SqlTokenType.BAREWORD;
import static dev.vpatch.engine.injection.SqlTokenType.COLLATE;
import static dev.vpatch.engine.injection.SqlTokenType.COMMA;
import static dev.vpatch.engine.injection.SqlTokenType.COMMENT;
import static dev.vpatch.engine.injection.SqlTokenType.DOT;
import static dev.vpatch.engine.injection.SqlTokenType.EVIL;
import static dev.vpatch.engine.injection.SqlTokenType.EXPRESSION;
import static dev.vpatch.engine.injection.SqlTokenType.FUNCTION;
import static dev.vpatch.engine.injection.SqlTokenType.GROUP;
import static dev.vpatch.engine.injection.SqlTokenType.KEYWORD;
import static dev.vpatch.engine.injection.SqlTokenType.LEFT_BRACE;
import static dev.vpatch.engine.injection.SqlTokenType.LEFT_PARENS;
import static dev.vpatch.engine.injection.SqlTokenType.LOGIC_OPERATOR;
import static dev.vpatch.engine.injection.SqlTokenType.NUMBER;
import static dev.vpatch.engine.injection.SqlTokenType.OPERATOR;
import static dev.vpatch.engine.injection.SqlTokenType.RIGHT_BRACE;
import static dev.vpatch.engine.injection.SqlTokenType.RIGHT_PARENS;
import static dev.vpatch.engine.injection.SqlTokenType.SEMICOLON;
import static dev.vpatch.engine.injection.SqlTokenType.SQL_TYPE;
import static dev.vpatch.engine.injection.SqlTokenType.STRING;
import static dev.vpatch.engine.injection.SqlTokenType.TSQL;
import static dev.vpatch.engine.injection.SqlTokenType.UNION;
import static dev.vpatch.engine.injection.SqlTokenType.VARIABLE;

import java.util.Set;

/**
 * Reduces the token stream to its first few meaningful tokens: it drops leading noise, merges
 * multi-word keywords, and collapses sub-expressions that cannot change the shape of a query
 * ({@code 1+1} is a number, {@code a,b} a single value, {@code ((} one parenthesis...). What is
 * left, at most {@link #MAX_TOKENS} tokens, is the fingerprint. Every step either consumes a token
 * or shrinks the buffer, so folding is linear in the number of tokens.
 */
final class SqlFolder {
  static final int MAX_TOKENS = 5;

  /** Words that are functions when called, though they are usually column names. */
  private static final Set<String> CALLABLE_WORDS = Set.of(
      "USER_ID", "USER_NAME", "DATABASE", "PASSWORD", "USER", "CURRENT_USER", "CURRENT_DATE",
      "CURRENT_TIME", "CURRENT_TIMESTAMP", "LOCALTIME", "LOCALTIMESTAMP");

  private SqlTokenizer tokenizer;
  private final SqlToken[] tokens = new SqlToken[MAX_TOKENS + 3];
  private final SqlToken lastComment = new SqlToken();
  private boolean more = true;

  /** A folder to {@link #reset} for each token stream (its tokens are reused). */
  SqlFolder() {
    for (int i = 0; i < tokens.length; i++) {
      tokens[i] = new SqlToken();
    }
  }

  /** Makes this folder new for {@code tokenizer}'s stream: every token as a fresh one. */
  SqlFolder reset(SqlTokenizer tokenizer) {
    this.tokenizer = tokenizer;
    more = true;
    lastComment.set((char) 0, 0, 0, "");
    for (SqlToken token : tokens) {
      token.set((char) 0, 0, 0, "");
    }
    return this;
  }

  SqlToken token(int index) {
    return tokens[index];
  }

  /** Folds the whole input and returns how many tokens make up the fingerprint. */
  int fold() {
    lastComment.type = 0;
    // skip leading comments, opening parentheses, type names and unary operators
    while (true) {
      more = tokenizer.next(tokens[0]);
      if (!more) {
        return 0;
      }
      SqlToken first = tokens[0];
      if (!(first.is(COMMENT) || first.is(LEFT_PARENS) || first.is(SQL_TYPE) || first.isUnaryOperator())) {
        break;
      }
    }
    int pos = 1;
    int left = 0;
    while (true) {
      if (pos >= MAX_TOKENS && startsWithHarmlessArithmetic()) {
        if (pos > MAX_TOKENS) {
          tokens[1].copyFrom(tokens[MAX_TOKENS]);
          pos = 2;
        } else {
          pos = 1;
        }
        left = 0;
      }
      if (!more || left >= MAX_TOKENS) {
        left = pos;
        break;
      }
      pos = fill(pos, left, 2);
      if (pos - left < 2) {
        left = pos;
        continue;
      }
      int folded = foldPair(pos, left);
      if (folded == STOP) {
        return Math.min(left + 2, MAX_TOKENS);
      }
      if (folded != NO_FOLD) {
        pos = folded >> 8;
        left = folded & 0xff;
        continue;
      }
      pos = fill(pos, left, 3);
      if (pos - left < 3) {
        left = pos;
        continue;
      }
      folded = foldTriple(pos, left);
      if (folded != NO_FOLD) {
        pos = folded >> 8;
        left = folded & 0xff;
        continue;
      }
      left++;
    }
    if (left < MAX_TOKENS && lastComment.is(COMMENT)) {
      tokens[left].copyFrom(lastComment);
      left++;
    }
    return Math.min(left, MAX_TOKENS);
  }

  private static final int NO_FOLD = -1;
  /** Folding found something unparseable; the fingerprint ends here. */
  private static final int STOP = -2;

  private static int state(int pos, int left) {
    return (pos << 8) | left;
  }

  /** Reads tokens until {@code pos - left >= wanted}; comments are remembered, not kept. */
  private int fill(int pos, int left, int wanted) {
    while (more && pos <= MAX_TOKENS && pos - left < wanted) {
      SqlToken current = tokens[pos];
      more = tokenizer.next(current);
      if (more) {
        if (current.is(COMMENT)) {
          lastComment.copyFrom(current);
        } else {
          lastComment.type = 0;
          pos++;
        }
      }
    }
    return pos;
  }

  /** "1-(2)", "a+(b)", "1),(2": lists of harmless values that would otherwise fill the buffer. */
  private boolean startsWithHarmlessArithmetic() {
    char t0 = tokens[0].type;
    char t1 = tokens[1].type;
    char t2 = tokens[2].type;
    char t3 = tokens[3].type;
    char t4 = tokens[4].type;
    return (t0 == NUMBER && (t1 == OPERATOR || t1 == COMMA) && t2 == LEFT_PARENS && t3 == NUMBER
            && t4 == RIGHT_PARENS)
        || (t0 == BAREWORD && t1 == OPERATOR && t2 == LEFT_PARENS
            && (t3 == BAREWORD || t3 == NUMBER) && t4 == RIGHT_PARENS)
        || (t0 == NUMBER && t1 == RIGHT_PARENS && t2 == COMMA && t3 == LEFT_PARENS && t4 == NUMBER);
  }

  private int foldPair(int pos, int left) {
    SqlToken a = tokens[left];
    SqlToken b = tokens[left + 1];
    if ((a.is(STRING) && b.is(STRING)) || (a.is(SEMICOLON) && b.is(SEMICOLON))) {
      return state(pos - 1, left); // adjacent strings concatenate; repeated ';' mean nothing
    }
    if (a.is(SEMICOLON) && b.is(FUNCTION) && b.value.equals("IF")) {
      b.type = TSQL; // Transact-SQL's IF statement
      return state(pos, left + 2);
    }
    if ((a.is(OPERATOR) || a.is(LOGIC_OPERATOR)) && (b.isUnaryOperator() || b.is(SQL_TYPE))) {
      return state(pos - 1, 0);
    }
    if (a.is(LEFT_PARENS) && b.isUnaryOperator()) {
      return state(pos - 1, Math.max(left - 1, 0));
    }
    if (mergeWords(a, b)) {
      return state(pos - 1, Math.max(left - 1, 0));
    }
    if ((a.is(BAREWORD) || a.is(VARIABLE)) && b.is(LEFT_PARENS) && CALLABLE_WORDS.contains(a.value)) {
      a.type = FUNCTION;
      return state(pos, left);
    }
    if (a.is(KEYWORD) && (a.value.equals("IN") || a.value.equals("NOT IN"))) {
      a.type = b.is(LEFT_PARENS) ? OPERATOR : BAREWORD;
      return state(pos, left);
    }
    if (a.is(OPERATOR) && (a.value.equals("LIKE") || a.value.equals("NOT LIKE")) && b.is(LEFT_PARENS)) {
      a.type = FUNCTION;
      return NO_FOLD;
    }
    if (a.is(SQL_TYPE) && isCastable(b.type)) {
      a.copyFrom(b); // "INT 1" and "CHAR(": the type name adds nothing
      return state(pos - 1, 0);
    }
    if (a.is(COLLATE) && b.is(BAREWORD) && b.value.indexOf('_') >= 0) {
      b.type = SQL_TYPE; // collation names look like utf8mb4_bin
      return state(pos, 0);
    }
    if (a.is(BACKSLASH)) {
      if (b.isArithmeticOperator()) {
        a.type = NUMBER; // T-SQL reads "\%1" as "0 % 1"
        return state(pos, 0);
      }
      a.copyFrom(b); // and "\1" as "1"
      return state(pos - 1, 0);
    }
    if ((a.is(LEFT_PARENS) && b.is(LEFT_PARENS)) || (a.is(RIGHT_PARENS) && b.is(RIGHT_PARENS))) {
      return state(pos - 1, 0);
    }
    if (a.is(LEFT_BRACE) && b.is(BAREWORD)) {
      if (b.length == 0) {
        b.type = EVIL; // "{ ``" is a MySQL oddity worth blocking
        return STOP;
      }
      return state(pos - 2, 0); // ODBC "{fn expr}": keep only expr
    }
    if (b.is(RIGHT_BRACE)) {
      return state(pos - 1, 0);
    }
    return NO_FOLD;
  }

  private static boolean isCastable(char type) {
    return type == BAREWORD || type == NUMBER || type == SQL_TYPE || type == LEFT_PARENS
        || type == FUNCTION || type == VARIABLE || type == STRING;
  }

  private static boolean isMergeableFirst(char type) {
    return type == KEYWORD || type == BAREWORD || type == OPERATOR || type == UNION
        || type == FUNCTION || type == EXPRESSION || type == SQL_TYPE;
  }

  private static boolean isMergeableSecond(char type) {
    return isMergeableFirst(type) || type == LOGIC_OPERATOR;
  }

  /** "UNION" + "ALL" becomes the phrase "UNION ALL" when the phrase is SQL vocabulary. */
  private static boolean mergeWords(SqlToken a, SqlToken b) {
    if (!isMergeableFirst(a.type) || !isMergeableSecond(b.type)) {
      return false;
    }
    if (a.value.length() + b.value.length() + 1 > SqlToken.MAX_VALUE) {
      return false;
    }
    String phrase = a.value + ' ' + b.value;
    char type = SqlKeywords.lookup(phrase);
    if (type == 0) {
      return false;
    }
    a.set(type, a.position, phrase.length(), phrase);
    return true;
  }

  private static boolean isPlainValue(char type) {
    return type == BAREWORD || type == NUMBER || type == STRING || type == VARIABLE;
  }

  private int foldTriple(int pos, int left) {
    SqlToken a = tokens[left];
    SqlToken b = tokens[left + 1];
    SqlToken c = tokens[left + 2];
    if (a.is(NUMBER) && b.is(OPERATOR) && c.is(NUMBER)) {
      return state(pos - 2, 0); // 1+1 is a number
    }
    if (a.is(OPERATOR) && !b.is(LEFT_PARENS) && c.is(OPERATOR)) {
      return state(pos - 2, 0); // "= x +": keep the first operator
    }
    if (a.is(LOGIC_OPERATOR) && c.is(LOGIC_OPERATOR)) {
      return state(pos - 2, 0);
    }
    if (a.is(VARIABLE) && b.is(OPERATOR)
        && (c.is(VARIABLE) || c.is(NUMBER) || c.is(BAREWORD))) {
      return state(pos - 2, 0);
    }
    if ((a.is(BAREWORD) || a.is(NUMBER)) && b.is(OPERATOR) && (c.is(NUMBER) || c.is(BAREWORD))) {
      return state(pos - 2, 0);
    }
    if ((isPlainValue(a.type)) && b.is(OPERATOR) && b.value.equals("::") && c.is(SQL_TYPE)) {
      return state(pos - 2, 0); // PostgreSQL cast x::int
    }
    if (isPlainValue(a.type) && b.is(COMMA) && isPlainValue(c.type)) {
      return state(pos - 2, 0); // a list of values is one value
    }
    if ((a.is(EXPRESSION) || a.is(GROUP) || a.is(COMMA)) && b.isUnaryOperator() && c.is(LEFT_PARENS)) {
      b.copyFrom(c); // "SELECT -(": drop the sign
      return state(pos - 1, 0);
    }
    if ((a.is(KEYWORD) || a.is(EXPRESSION) || a.is(GROUP)) && b.isUnaryOperator()
        && (isPlainValue(c.type) || c.is(FUNCTION))) {
      b.copyFrom(c);
      return state(pos - 1, 0);
    }
    if (a.is(COMMA) && b.isUnaryOperator() && isPlainValue(c.type)) {
      b.copyFrom(c); // ",-1" is ",1", and may fold further with what came before
      return state(pos - 3, 0);
    }
    if (a.is(COMMA) && b.isUnaryOperator() && c.is(FUNCTION)) {
      b.copyFrom(c);
      return state(pos - 1, 0);
    }
    if (a.is(BAREWORD) && b.is(DOT) && c.is(BAREWORD)) {
      return state(pos - 2, 0); // schema.table
    }
    if (a.is(EXPRESSION) && b.is(DOT) && c.is(BAREWORD)) {
      b.copyFrom(c);
      return state(pos - 1, 0);
    }
    return NO_FOLD;
  }
}
