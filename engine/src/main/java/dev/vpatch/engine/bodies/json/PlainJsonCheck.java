package dev.vpatch.engine.bodies.json;

/**
 * A quick check that a body is plain JSON the processor will take without any error, so that
 * Jackson need not walk it just to find none. It accepts only a subset of what Jackson accepts:
 * printable ASCII, one value and whitespace around it, standard numbers, literals and escapes,
 * no escaped surrogate, nesting and scalar counts within the limits. Anything else (including
 * every malformed body) answers false, and the processor's own walk decides and words the error.
 */
final class PlainJsonCheck {
  private static final byte OBJECT = 1;
  private static final byte ARRAY = 2;

  private final byte[] in;
  private final int end;
  private int at;

  private PlainJsonCheck(byte[] in, int end) {
    this.in = in;
    this.end = end;
  }

  /** True only when the processor reports no error for these bytes under these limits. */
  static boolean certainlyValid(byte[] body, int length, int depthLimit, int argumentsLimit) {
    return new PlainJsonCheck(body, length).document(depthLimit, argumentsLimit);
  }

  private boolean document(int depthLimit, int argumentsLimit) {
    byte[] open = new byte[Math.max(0, Math.min(depthLimit, end / 2 + 1))];
    int depth = 0;
    int scalars = 0;
    skipWhitespace();
    while (true) {
      // A value is expected here.
      if (at >= end) return false;
      byte b = in[at];
      if (b == '{' || b == '[') {
        if (depth >= depthLimit || depth >= open.length) return false;
        open[depth++] = b == '{' ? OBJECT : ARRAY;
        at++;
        skipWhitespace();
        if (at < end && in[at] == (b == '{' ? '}' : ']')) {
          at++;
          depth--;
        } else if (b == '{') {
          if (!memberName()) return false;
          continue;
        } else {
          continue;
        }
      } else {
        if (scalars >= argumentsLimit || !scalar()) return false;
        scalars++;
      }
      // A value ended: close containers, or expect the next member or element.
      while (true) {
        skipWhitespace();
        if (depth == 0) return at == end;
        if (at >= end) return false;
        byte next = in[at++];
        if (next == ',') {
          skipWhitespace();
          if (open[depth - 1] == OBJECT && !memberName()) return false;
          break;
        }
        if (next != (open[depth - 1] == OBJECT ? '}' : ']')) return false;
        depth--;
      }
    }
  }

  /** {@code "name"} then {@code :}, with whitespace after each. */
  private boolean memberName() {
    if (!string()) return false;
    skipWhitespace();
    if (at >= end || in[at] != ':') return false;
    at++;
    skipWhitespace();
    return true;
  }

  private boolean scalar() {
    byte b = in[at];
    boolean ok;
    if (b == '"') {
      ok = string();
    } else if (b == '-' || (b >= '0' && b <= '9')) {
      ok = number();
    } else {
      ok = literal("true") || literal("false") || literal("null");
    }
    return ok && (at == end || isDelimiter(in[at]));
  }

  private boolean string() {
    if (at >= end || in[at] != '"') return false;
    at++;
    while (at < end) {
      byte c = in[at++];
      if (c == '"') return true;
      if (c < 0x20 || c == 0x7f) return false;
      if (c == '\\') {
        if (at >= end) return false;
        byte e = in[at++];
        if (e == 'u') {
          if (at + 4 > end) return false;
          int code = 0;
          for (int i = 0; i < 4; i++) {
            int digit = Character.digit(in[at++], 16);
            if (digit < 0) return false;
            code = code * 16 + digit;
          }
          if (code >= 0xd800 && code <= 0xdfff) return false;
        } else if ("\"\\/bfnrt".indexOf(e) < 0) {
          return false;
        }
      }
    }
    return false;
  }

  private boolean number() {
    if (in[at] == '-') at++;
    if (at >= end) return false;
    if (in[at] == '0') {
      at++;
    } else if (!digits()) {
      return false;
    }
    if (at < end && in[at] == '.') {
      at++;
      if (!digits()) return false;
    }
    if (at < end && (in[at] == 'e' || in[at] == 'E')) {
      at++;
      if (at < end && (in[at] == '+' || in[at] == '-')) at++;
      if (!digits()) return false;
    }
    return true;
  }

  /** One or more decimal digits. */
  private boolean digits() {
    int start = at;
    while (at < end && in[at] >= '0' && in[at] <= '9') at++;
    return at > start;
  }

  private boolean literal(String word) {
    if (at + word.length() > end) return false;
    for (int i = 0; i < word.length(); i++) {
      if (in[at + i] != word.charAt(i)) return false;
    }
    at += word.length();
    return true;
  }

  private static boolean isDelimiter(byte b) {
    return b == ',' || b == ']' || b == '}' || b == ' ' || b == '\t' || b == '\n' || b == '\r';
  }

  private void skipWhitespace() {
    while (at < end && (in[at] == ' ' || in[at] == '\t' || in[at] == '\n' || in[at] == '\r')) at++;
  }
}
