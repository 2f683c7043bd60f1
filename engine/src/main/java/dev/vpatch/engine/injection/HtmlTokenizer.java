package dev.vpatch.engine.injection;

/**
 * A forgiving tokenizer following the HTML5 tokenization states (plus a few old browser quirks:
 * NUL bytes ignored in tag names, backtick-quoted attribute values, {@code <% %>} comments). It
 * can start inside a tag or inside an attribute value, which is where reflected input often
 * lands. Each byte is examined a bounded number of times: linear in the input length.
 */
final class HtmlTokenizer {
  /** Where the input is assumed to start. */
  enum Start {
    DATA,
    /** Inside a start tag, after its name: {@code <a INPUT>} or an unquoted attribute value. */
    UNQUOTED_VALUE,
    SINGLE_QUOTED_VALUE,
    DOUBLE_QUOTED_VALUE,
    BACKTICK_QUOTED_VALUE
  }

  private enum State {
    DATA, TAG_OPEN, TAG_NAME_END, BEFORE_ATTRIBUTE_NAME, AFTER_ATTRIBUTE_NAME,
    BEFORE_ATTRIBUTE_VALUE, QUOTED_VALUE, AFTER_QUOTED_VALUE, EOF
  }

  private final String input;
  private final int length;
  private int position;
  private State state;
  private char quote;
  private boolean closingTag;

  HtmlTokenType type;
  int start;
  int end;

  HtmlTokenizer(String input, Start start) {
    this.input = input;
    this.length = input.length();
    switch (start) {
      case DATA -> state = State.DATA;
      case UNQUOTED_VALUE -> state = State.BEFORE_ATTRIBUTE_NAME;
      case SINGLE_QUOTED_VALUE -> startQuoted('\'');
      case DOUBLE_QUOTED_VALUE -> startQuoted('"');
      case BACKTICK_QUOTED_VALUE -> startQuoted('`');
    }
  }

  private void startQuoted(char quoteChar) {
    state = State.QUOTED_VALUE;
    quote = quoteChar;
  }

  /** The current token's text. */
  String text() {
    return input.substring(start, end);
  }

  /** The whole input; the current token is [{@link #start}, {@link #end}). */
  String input() {
    return input;
  }

  /** Advances to the next token; false at the end of input. */
  boolean next() {
    while (true) {
      switch (state) {
        case EOF:
          return false;
        case DATA:
          if (data()) {
            return true;
          }
          break;
        case TAG_OPEN:
          if (tagOpen()) {
            return true;
          }
          break;
        case TAG_NAME_END:
          emit(HtmlTokenType.TAG_END, position, position + 1);
          position++;
          state = position < length ? State.DATA : State.EOF;
          return true;
        case BEFORE_ATTRIBUTE_NAME:
          if (beforeAttributeName()) {
            return true;
          }
          break;
        case AFTER_ATTRIBUTE_NAME:
          if (afterAttributeName()) {
            return true;
          }
          break;
        case BEFORE_ATTRIBUTE_VALUE:
          return beforeAttributeValue();
        case QUOTED_VALUE:
          return quotedValue();
        case AFTER_QUOTED_VALUE:
          if (afterQuotedValue()) {
            return true;
          }
          break;
        default:
          throw new IllegalStateException(state.name());
      }
    }
  }

  private void emit(HtmlTokenType tokenType, int from, int to) {
    type = tokenType;
    start = from;
    end = to;
  }

  private static boolean isWhite(char ch) {
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == 0x0b || ch == '\f' || ch == '\r';
  }

  private static boolean isLetter(char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
  }

  /** Skips white space (and NUL, which old IE ignored); returns the next char or -1. */
  private int skipWhite() {
    while (position < length) {
      char ch = input.charAt(position);
      if (!isWhite(ch) && ch != 0) {
        return ch;
      }
      position++;
    }
    return -1;
  }

  private boolean data() {
    int lt = input.indexOf('<', position);
    if (lt < 0) {
      emit(HtmlTokenType.TEXT, position, length);
      position = length;
      state = State.EOF;
      return start < end;
    }
    emit(HtmlTokenType.TEXT, position, lt);
    position = lt + 1;
    state = State.TAG_OPEN;
    return start < end;
  }

  private boolean tagOpen() {
    if (position >= length) {
      state = State.EOF;
      return false;
    }
    char ch = input.charAt(position);
    if (ch == '!') {
      position++;
      return markupDeclaration();
    }
    if (ch == '/') {
      position++;
      return endTagOpen();
    }
    if (ch == '?') {
      position++;
      return bogusComment();
    }
    if (ch == '%') {
      position++;
      return percentComment();
    }
    if (isLetter(ch) || ch == 0) {
      return tagName();
    }
    // a lone "<" is text
    emit(HtmlTokenType.TEXT, position - 1, position);
    state = State.DATA;
    return true;
  }

  private boolean endTagOpen() {
    if (position >= length) {
      state = State.EOF;
      return false;
    }
    char ch = input.charAt(position);
    if (ch == '>') {
      position++;
      state = State.DATA;
      return false;
    }
    if (isLetter(ch)) {
      closingTag = true;
      return tagName();
    }
    return bogusComment();
  }

  private boolean tagName() {
    int from = position;
    int pos = position;
    while (pos < length) {
      char ch = input.charAt(pos);
      if (isWhite(ch) || ch == '/' || ch == '>') {
        break;
      }
      pos++;
    }
    if (closingTag) {
      closingTag = false;
      emit(HtmlTokenType.TAG_CLOSE, from, pos);
      int gt = input.indexOf('>', pos);
      position = gt < 0 ? length : gt + 1;
      state = position < length ? State.DATA : State.EOF;
      return true;
    }
    emit(HtmlTokenType.TAG_OPEN, from, pos);
    continueAfterName(pos, State.BEFORE_ATTRIBUTE_NAME);
    return true;
  }

  /**
   * Moves past the char that ended a tag or attribute name at {@code pos}: '>' ends the tag,
   * '/' may self-close it, '=' starts a value, white space leads to {@code afterWhite}.
   */
  private void continueAfterName(int pos, State afterWhite) {
    if (pos >= length) {
      position = length;
      state = State.EOF;
      return;
    }
    char ch = input.charAt(pos);
    position = ch == '>' ? pos : pos + 1;
    if (ch == '>') {
      state = State.TAG_NAME_END;
    } else if (ch == '=') {
      state = State.BEFORE_ATTRIBUTE_VALUE;
    } else if (ch == '/') {
      state = State.BEFORE_ATTRIBUTE_NAME;
      selfClosingOrAttribute();
    } else {
      state = afterWhite;
    }
  }

  /** After a '/' inside a tag: "/>" ends it, anything else continues with attributes. */
  private void selfClosingOrAttribute() {
    if (position < length && input.charAt(position) == '>') {
      position++;
      state = State.DATA;
    }
  }

  private boolean beforeAttributeName() {
    return attributeStart(false);
  }

  /**
   * Between attributes: skips white space, then '/' may self-close the tag, '>' ends it, '='
   * (only right after a name) starts its value, and anything else starts the next name.
   */
  private boolean attributeStart(boolean afterName) {
    int ch = skipWhite();
    if (ch < 0) {
      state = State.EOF;
      return false;
    }
    if (ch == '/') {
      position++;
      return selfClosing();
    }
    if (ch == '=' && afterName) {
      position++;
      state = State.BEFORE_ATTRIBUTE_VALUE;
      return false;
    }
    if (ch == '>') {
      state = State.TAG_NAME_END;
      return false;
    }
    return attributeName();
  }

  private boolean selfClosing() {
    if (position >= length) {
      state = State.EOF;
      return false;
    }
    if (input.charAt(position) == '>') {
      emit(HtmlTokenType.TAG_SELF_CLOSE, position - 1, position + 1);
      position++;
      state = State.DATA;
      return true;
    }
    state = State.BEFORE_ATTRIBUTE_NAME;
    return false;
  }

  private boolean attributeName() {
    int from = position;
    int pos = position + 1; // the first char belongs to the name whatever it is ("=" included)
    while (pos < length) {
      char ch = input.charAt(pos);
      if (isWhite(ch) || ch == '/' || ch == '=' || ch == '>') {
        break;
      }
      pos++;
    }
    emit(HtmlTokenType.ATTRIBUTE_NAME, from, Math.min(pos, length));
    continueAfterName(pos, State.AFTER_ATTRIBUTE_NAME);
    return true;
  }

  private boolean afterAttributeName() {
    return attributeStart(true);
  }

  private boolean beforeAttributeValue() {
    int ch = skipWhite();
    if (ch < 0) {
      state = State.EOF;
      return false;
    }
    if (ch == '"' || ch == '\'' || ch == '`') {
      quote = (char) ch;
      position++;
      return quotedValue();
    }
    return unquotedValue();
  }

  private boolean quotedValue() {
    int close = input.indexOf(quote, position);
    if (close < 0) {
      emit(HtmlTokenType.ATTRIBUTE_VALUE, position, length);
      position = length;
      state = State.EOF;
    } else {
      emit(HtmlTokenType.ATTRIBUTE_VALUE, position, close);
      position = close + 1;
      state = State.AFTER_QUOTED_VALUE;
    }
    return true;
  }

  private boolean unquotedValue() {
    int pos = position;
    while (pos < length) {
      char ch = input.charAt(pos);
      if (isWhite(ch)) {
        emit(HtmlTokenType.ATTRIBUTE_VALUE, position, pos);
        position = pos + 1;
        state = State.BEFORE_ATTRIBUTE_NAME;
        return true;
      }
      if (ch == '>') {
        emit(HtmlTokenType.ATTRIBUTE_VALUE, position, pos);
        position = pos;
        state = State.TAG_NAME_END;
        return true;
      }
      pos++;
    }
    emit(HtmlTokenType.ATTRIBUTE_VALUE, position, length);
    position = length;
    state = State.EOF;
    return true;
  }

  /** After a closing quote the tag goes on exactly as before an attribute name. */
  private boolean afterQuotedValue() {
    state = position < length ? State.BEFORE_ATTRIBUTE_NAME : State.EOF;
    return false;
  }

  /** {@code <!...}: a comment, a DOCTYPE, a CDATA section or a bogus comment. */
  private boolean markupDeclaration() {
    if (input.startsWith("--", position)) {
      int from = position + 2;
      int close = input.indexOf("--", from);
      while (close >= 0 && !commentEndsAt(close)) {
        close = input.indexOf("--", close + 1);
      }
      if (close < 0) {
        emit(HtmlTokenType.COMMENT, from, length);
        position = length;
        state = State.EOF;
      } else {
        emit(HtmlTokenType.COMMENT, from, close);
        int gt = input.indexOf('>', close);
        position = gt < 0 ? length : gt + 1;
        state = position < length ? State.DATA : State.EOF;
      }
      return true;
    }
    if (input.regionMatches(true, position, "DOCTYPE", 0, 7)) {
      int from = position + 7;
      int gt = input.indexOf('>', from);
      emit(HtmlTokenType.DOCTYPE, from, gt < 0 ? length : gt);
      position = gt < 0 ? length : gt + 1;
      state = gt < 0 ? State.EOF : State.DATA;
      return true;
    }
    if (input.startsWith("[CDATA[", position)) {
      int from = position + 7;
      int close = input.indexOf("]]>", from);
      emit(HtmlTokenType.TEXT, from, close < 0 ? length : close);
      position = close < 0 ? length : close + 3;
      state = close < 0 ? State.EOF : State.DATA;
      return true;
    }
    return bogusComment();
  }

  /** "-->" and "--!>" end a comment; an EOF right after "--" does too. */
  private boolean commentEndsAt(int dashes) {
    int after = dashes + 2;
    return after >= length
        || input.charAt(after) == '>'
        || (input.charAt(after) == '!' && after + 1 < length && input.charAt(after + 1) == '>');
  }

  private boolean bogusComment() {
    int gt = input.indexOf('>', position);
    emit(HtmlTokenType.COMMENT, position, gt < 0 ? length : gt);
    position = gt < 0 ? length : gt + 1;
    state = gt < 0 ? State.EOF : State.DATA;
    return true;
  }

  /** Old IE and Safari treated {@code <% ... %>} as a comment. */
  private boolean percentComment() {
    int close = input.indexOf("%>", position);
    emit(HtmlTokenType.COMMENT, position, close < 0 ? length : close);
    position = close < 0 ? length : close + 2;
    state = close < 0 ? State.EOF : State.DATA;
    return true;
  }
}
