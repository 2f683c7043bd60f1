package dev.vpatch.engine.operators;

/**
 * The C library integer parsing that ModSecurity's numeric operators rely on: leading whitespace,
 * an optional sign, then decimal digits up to the first other byte; no digits means 0.
 */
final class CIntegers {
  private CIntegers() {}

  /** {@code std::stoi}: like atoll, but a value outside int range throws in C++, giving 0. */
  static int stoi(String text) {
    long value = atoll(text);
    if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) return 0;
    return (int) value;
  }

  /** {@code atoll} as in glibc: saturates at the long range instead of overflowing. */
  static long atoll(String text) {
    int i = 0;
    int length = text.length();
    while (i < length && isCSpace(text.charAt(i))) i++;
    boolean negative = false;
    if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
      negative = text.charAt(i) == '-';
      i++;
    }
    long value = 0;
    boolean overflow = false;
    for (; i < length; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') break;
      int digit = c - '0';
      if (!overflow) {
        if (value > (Long.MAX_VALUE - digit) / 10) {
          overflow = true;
        } else {
          value = value * 10 + digit;
        }
      }
    }
    if (overflow) return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
    return negative ? -value : value;
  }

  private static boolean isCSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }
}
