package dev.vpatch.engine.transformations;

/**
 * Character classes and hex conversion as the C library computes them in the "C" locale, which is
 * what libmodsecurity's transformations use (nginx never calls setlocale). Bytes 0x80-0xFF belong
 * to no class.
 */
final class CLocale {
  private CLocale() {}

  /** isspace(): space, \t, \n, \v, \f, \r. */
  static boolean isSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isOctalDigit(char c) {
    return c >= '0' && c <= '7';
  }

  static boolean isHexDigit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /** Whether {@code count} bytes from {@code from} are all hex digits (the caller checked the length). */
  static boolean areHexDigits(String input, int from, int count) {
    for (int k = from; k < from + count; k++) {
      if (!isHexDigit(input.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  static boolean isAlnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  /**
   * The value ModSecurity's x2c/xsingle2c give one digit. It is only meaningful for hex digits, but
   * hexDecode feeds it anything, so the arithmetic (mod 256) is kept exactly for other bytes too.
   */
  static int digitValue(char c) {
    return c >= 'A' ? ((c & 0xdf) - 'A') + 10 : c - '0';
  }

  /** x2c(): two digits to one byte, with the same wrap-around for non-hex input. */
  static char x2c(char high, char low) {
    return (char) ((digitValue(high) * 16 + digitValue(low)) & 0xff);
  }

  private static final char[] LOWER_HEX = "0123456789abcdef".toCharArray();

  static char lowerHexDigit(int nibble) {
    return LOWER_HEX[nibble & 0xf];
  }
}
