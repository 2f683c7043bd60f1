package dev.vpatch.engine.transformations;

/** The standard base64 alphabet ('+', '/'); the URL-safe '-' and '_' are not part of it. */
final class Base64Alphabet {
  private Base64Alphabet() {}

  /** The 6-bit value of {@code c}, or -1 if it is not a base64 digit ('=' is not). */
  static int value(char c) {
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
      return c - '0' + 52;
    }
    if (c == '+') {
      return 62;
    }
    return c == '/' ? 63 : -1;
  }
}
