package dev.vpatch.engine.transformations;

/**
 * How ModSecurity turns a 4-hex-digit code point (%uHHHH, \\uHHHH) into one byte when no unicode
 * map is configured: the low byte, except full-width ASCII U+FF01-U+FF5E, which becomes the ASCII
 * character it stands for (U+FF01 is '!').
 */
final class UnicodeLowByte {
  private UnicodeLowByte() {}

  /** {@code digits} points at four hex digits in {@code input}. */
  static char of(String input, int digits) {
    char low = CLocale.x2c(input.charAt(digits + 2), input.charAt(digits + 3));
    if (low > 0 && low < 0x5f && isF(input.charAt(digits)) && isF(input.charAt(digits + 1))) {
      return (char) (low + 0x20);
    }
    return low;
  }

  static boolean isF(char c) {
    return c == 'f' || c == 'F';
  }
}
