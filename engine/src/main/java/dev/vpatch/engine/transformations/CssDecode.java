package dev.vpatch.engine.transformations;

/**
 * {@code cssDecode}: CSS 2 escapes. A backslash with 1-6 hex digits becomes one byte (the last two
 * digits; full-width ASCII U+FF01-U+FF5E becomes ASCII), a single whitespace after the digits is
 * eaten, backslash-newline is a line continuation, a backslash before any other byte is dropped.
 * libmodsecurity 3.0.9 returns its buffer as a C string, so the result ends at its first NUL
 * (a NUL in the input or a decoded {@code \0}); that is kept here.
 */
public final class CssDecode implements Transformation {
  @Override
  public String apply(String input) {
    int length = input.length();
    int i = 0;
    while (i < length && input.charAt(i) != '\\' && input.charAt(i) != '\0') {
      i++;
    }
    if (i == length) {
      return input;
    }
    LazyOutput out = new LazyOutput(input, i);
    while (i < length) {
      char c = input.charAt(i);
      if (c != '\\') {
        out.append(c);
        i++;
        continue;
      }
      if (i + 1 >= length) {
        i++;
        continue;
      }
      i++;
      int digits = 0;
      while (digits < 6 && i + digits < length && CLocale.isHexDigit(input.charAt(i + digits))) {
        digits++;
      }
      if (digits > 0) {
        out.append(decodeHex(input, i, digits));
        if (i + digits < length && CLocale.isSpace(input.charAt(i + digits))) {
          digits++;
        }
        i += digits;
      } else if (input.charAt(i) == '\n') {
        i++;
      } else {
        out.append(input.charAt(i));
        i++;
      }
    }
    return out.resultUpToNul();
  }

  private static char decodeHex(String input, int start, int digits) {
    if (digits == 1) {
      return (char) CLocale.digitValue(input.charAt(start));
    }
    char low = CLocale.x2c(input.charAt(start + digits - 2), input.charAt(start + digits - 1));
    boolean fullWidthCheck = digits == 4
        || (digits == 5 && input.charAt(start) == '0')
        || (digits == 6 && input.charAt(start) == '0' && input.charAt(start + 1) == '0');
    if (fullWidthCheck && low > 0 && low < 0x5f
        && UnicodeLowByte.isF(input.charAt(start + digits - 3))
        && UnicodeLowByte.isF(input.charAt(start + digits - 4))) {
      return (char) (low + 0x20);
    }
    return low;
  }

  @Override
  public long triggers() {
    return ByteClasses.of('\\', '\0');
  }
}
