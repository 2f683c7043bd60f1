package dev.vpatch.engine.bodies.json;

/**
 * A quick check that a body is plain JSON the processor will take without any error, so that
 * Jackson need not walk it just to find none. It accepts only a subset of what Jackson accepts:
 * printable ASCII, one value and whitespace around it, standard numbers, literals and escapes,
 * no escaped surrogate, nesting and scalar counts within the limits. Anything else (including
 * every malformed body) answers false, and the processor's own walk decides and words the error.
 *
 * <p>It runs on every JSON body a rule set inspects, so it is one pass over the bytes with the
 * position in a local variable: each step is a static method that takes the position and returns
 * the position after what it read, or {@link #NO} when the bytes are not plain JSON. String
 * contents, most of a body, are skipped by a table lookup per byte.
 */
final class PlainJsonCheck {
  private static final byte OBJECT = 1;
  private static final byte ARRAY = 2;
  /** The position a step returns when the bytes are not plain JSON. */
  private static final int NO = -1;

  /** Bytes that stand for themselves inside a string: printable ASCII except {@code "} and {@code \}. */
  private static final boolean[] PLAIN_STRING_BYTE = new boolean[256];
  /** Bytes that may follow a scalar: a separator, a closing bracket or whitespace. */
  private static final boolean[] AFTER_SCALAR = new boolean[256];
  private static final boolean[] WHITESPACE = new boolean[256];

  static {
    for (int b = 0x20; b < 0x7f; b++) {
      PLAIN_STRING_BYTE[b] = b != '"' && b != '\\';
    }
    for (char c : new char[] {' ', '\t', '\n', '\r'}) {
      WHITESPACE[c] = true;
      AFTER_SCALAR[c] = true;
    }
    for (char c : new char[] {',', ']', '}'}) {
      AFTER_SCALAR[c] = true;
    }
  }

  private PlainJsonCheck() {}

  /** True only when the processor reports no error for these bytes under these limits. */
  static boolean certainlyValid(byte[] body, int length, int depthLimit, int argumentsLimit) {
    byte[] in = body;
    int end = length;
    byte[] open = new byte[Math.max(0, Math.min(depthLimit, end / 2 + 1))];
    int depth = 0;
    int scalars = 0;
    int at = skipWhitespace(in, 0, end);
    while (true) {
      // A value is expected here.
      if (at >= end) return false;
      byte b = in[at];
      if (b == '{' || b == '[') {
        if (depth >= depthLimit || depth >= open.length) return false;
        open[depth++] = b == '{' ? OBJECT : ARRAY;
        at = skipWhitespace(in, at + 1, end);
        if (at < end && in[at] == (b == '{' ? '}' : ']')) {
          at++;
          depth--;
        } else if (b == '{') {
          at = memberName(in, at, end);
          if (at == NO) return false;
          continue;
        } else {
          continue;
        }
      } else {
        if (scalars >= argumentsLimit) return false;
        at = scalar(in, at, end);
        if (at == NO) return false;
        scalars++;
      }
      // A value ended: close containers, or expect the next member or element.
      while (true) {
        at = skipWhitespace(in, at, end);
        if (depth == 0) return at == end;
        if (at >= end) return false;
        byte next = in[at++];
        if (next == ',') {
          at = skipWhitespace(in, at, end);
          if (open[depth - 1] == OBJECT) {
            at = memberName(in, at, end);
            if (at == NO) return false;
          }
          break;
        }
        if (next != (open[depth - 1] == OBJECT ? '}' : ']')) return false;
        depth--;
      }
    }
  }

  /** {@code "name"} then {@code :}, with whitespace after each. */
  private static int memberName(byte[] in, int at, int end) {
    at = string(in, at, end);
    if (at == NO) return NO;
    at = skipWhitespace(in, at, end);
    if (at >= end || in[at] != ':') return NO;
    return skipWhitespace(in, at + 1, end);
  }

  /** A string, number or literal (at a byte of the body), followed by the end or a byte that may follow it. */
  private static int scalar(byte[] in, int at, int end) {
    byte b = in[at];
    if (b == '"') {
      at = string(in, at, end);
    } else if (b == '-' || (b >= '0' && b <= '9')) {
      at = number(in, at, end);
    } else if (b == 't') {
      at = literal(in, at, end, "true");
    } else if (b == 'f') {
      at = literal(in, at, end, "false");
    } else if (b == 'n') {
      at = literal(in, at, end, "null");
    } else {
      return NO;
    }
    return at == NO || at == end || AFTER_SCALAR[in[at] & 0xff] ? at : NO;
  }

  private static int string(byte[] in, int at, int end) {
    if (at >= end || in[at] != '"') return NO;
    at++;
    while (true) {
      while (at < end && PLAIN_STRING_BYTE[in[at] & 0xff]) at++;
      if (at >= end) return NO;
      byte c = in[at++];
      if (c == '"') return at;
      if (c != '\\' || at >= end) return NO; // a control byte, DEL, a non-ASCII byte or a lone backslash at the end
      byte e = in[at++];
      if (e == 'u') {
        if (at + 4 > end) return NO;
        int code = 0;
        for (int i = 0; i < 4; i++) {
          int digit = Character.digit(in[at++], 16);
          if (digit < 0) return NO;
          code = code * 16 + digit;
        }
        if (code >= 0xd800 && code <= 0xdfff) return NO;
      } else if (e != '"' && e != '\\' && e != '/' && e != 'b' && e != 'f' && e != 'n' && e != 'r' && e != 't') {
        return NO;
      }
    }
  }

  private static int number(byte[] in, int at, int end) {
    if (in[at] == '-') at++;
    if (at >= end) return NO;
    if (in[at] == '0') {
      at++;
    } else {
      at = digits(in, at, end);
      if (at == NO) return NO;
    }
    if (at < end && in[at] == '.') {
      at = digits(in, at + 1, end);
      if (at == NO) return NO;
    }
    if (at < end && (in[at] == 'e' || in[at] == 'E')) {
      at++;
      if (at < end && (in[at] == '+' || in[at] == '-')) at++;
      at = digits(in, at, end);
    }
    return at;
  }

  /** One or more decimal digits. */
  private static int digits(byte[] in, int at, int end) {
    int start = at;
    while (at < end && in[at] >= '0' && in[at] <= '9') at++;
    return at > start ? at : NO;
  }

  private static int literal(byte[] in, int at, int end, String word) {
    if (at + word.length() > end) return NO;
    for (int i = 0; i < word.length(); i++) {
      if (in[at + i] != word.charAt(i)) return NO;
    }
    return at + word.length();
  }

  private static int skipWhitespace(byte[] in, int at, int end) {
    // Compact JSON has none: a byte above the space (most after a token) settles it in one test.
    while (at < end) {
      byte b = in[at];
      if (b > ' ' || !WHITESPACE[b & 0xff]) return at;
      at++;
    }
    return at;
  }
}
