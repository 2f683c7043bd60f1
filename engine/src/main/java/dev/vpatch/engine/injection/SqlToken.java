package dev.vpatch.engine.injection;

/**
 * One token of the SQL tokenizer. Mutable and reused: the folder keeps a small fixed array of
 * them, so memory stays bounded whatever the input length.
 */
final class SqlToken {
  /** Token values longer than this are cut; keyword lookup is skipped for such words. */
  static final int MAX_VALUE = 31;

  /** Fingerprint character, one of the constants in {@link SqlTokenType}. */
  char type;
  /** Upper-cased value (cut at {@link #MAX_VALUE}), for keyword and operator comparisons. */
  String value = "";
  /** Length of the token in the input (not cut). */
  int length;
  /** Offset of the token in the input. */
  int position;
  /** The quote that opened a string token, or 0 when the string began at the start of input. */
  char openQuote;
  /** The quote that closed a string token, or 0 when the string ran to the end of input. */
  char closeQuote;

  void set(char type, int position, int length, String value) {
    this.type = type;
    this.position = position;
    this.length = length;
    this.value = value;
    this.openQuote = 0;
    this.closeQuote = 0;
  }

  void copyFrom(SqlToken other) {
    type = other.type;
    value = other.value;
    length = other.length;
    position = other.position;
    openQuote = other.openQuote;
    closeQuote = other.closeQuote;
  }

  boolean is(char expectedType) {
    return type == expectedType;
  }

  boolean isUnaryOperator() {
    if (type != SqlTokenType.OPERATOR) {
      return false;
    }
    return switch (value) {
      case "+", "-", "!", "~", "!!", "NOT" -> true;
      default -> false;
    };
  }

  boolean isArithmeticOperator() {
    return type == SqlTokenType.OPERATOR
        && value.length() == 1
        && "*/-+%".indexOf(value.charAt(0)) >= 0;
  }

  @Override
  public String toString() {
    return type + ":" + value;
  }
}
