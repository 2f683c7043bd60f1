package dev.vpatch.engine.injection;

/** The fingerprint characters of SQL token types (libinjection's alphabet, so logs compare). */
final class SqlTokenType {
  static final char KEYWORD = 'k';
  static final char UNION = 'U';
  static final char GROUP = 'B';
  static final char EXPRESSION = 'E';
  static final char SQL_TYPE = 't';
  static final char FUNCTION = 'f';
  static final char BAREWORD = 'n';
  static final char NUMBER = '1';
  static final char VARIABLE = 'v';
  static final char STRING = 's';
  static final char OPERATOR = 'o';
  static final char LOGIC_OPERATOR = '&';
  static final char COMMENT = 'c';
  static final char COLLATE = 'A';
  static final char LEFT_PARENS = '(';
  static final char RIGHT_PARENS = ')';
  static final char LEFT_BRACE = '{';
  static final char RIGHT_BRACE = '}';
  static final char DOT = '.';
  static final char COMMA = ',';
  static final char COLON = ':';
  static final char SEMICOLON = ';';
  static final char TSQL = 'T';
  static final char UNKNOWN = '?';
  /** Syntax that cannot be parsed reliably (nested or MySQL-executable comments): always SQLi. */
  static final char EVIL = 'X';
  static final char BACKSLASH = '\\';

  private SqlTokenType() {}

  static boolean isValue(char type) {
    return type == STRING || type == NUMBER || type == BAREWORD || type == VARIABLE;
  }
}
