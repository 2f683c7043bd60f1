package dev.vpatch.engine.transformations;

import java.nio.CharBuffer;

/**
 * ModSecurity's non-strict URL decoding behind urlDecode and urlDecodeUni: %HH becomes a byte, '+'
 * a space, and a '%' that does not start a valid escape stays as it is. With {@code unicode},
 * %uHHHH (or %UHHHH) is decoded too: through {@code map} when it lists the code point, else see
 * {@link UnicodeLowByte}; an invalid %u keeps both bytes.
 */
final class PercentDecoder {
  private PercentDecoder() {}

  static String decode(String input, boolean unicode, UnicodeMap map) {
    int length = input.length();
    int start = 0;
    while (start < length && input.charAt(start) != '%' && input.charAt(start) != '+') {
      start++;
    }
    if (start == length) {
      return input;
    }
    char[] out = new char[length];
    input.getChars(0, start, out, 0);
    int o = start;
    int i = start;
    while (i < length) {
      char c = input.charAt(i);
      if (c != '%') {
        out[o++] = c == '+' ? ' ' : c;
        i++;
      } else if (unicode && i + 1 < length
          && (input.charAt(i + 1) == 'u' || input.charAt(i + 1) == 'U')) {
        if (i + 5 < length && CLocale.areHexDigits(input, i + 2, 4)) {
          int mapped = map == null ? -1 : map.byteFor(Integer.parseInt(input, i + 2, i + 6, 16));
          out[o++] = mapped >= 0 ? (char) mapped : UnicodeLowByte.of(input, i + 2);
          i += 6;
        } else {
          out[o++] = '%';
          out[o++] = input.charAt(i + 1);
          i += 2;
        }
      } else if (i + 2 < length && CLocale.areHexDigits(input, i + 1, 2)) {
        out[o++] = CLocale.x2c(input.charAt(i + 1), input.charAt(i + 2));
        i += 3;
      } else {
        out[o++] = '%';
        i++;
      }
    }
    return o == length && input.contentEquals(CharBuffer.wrap(out)) ? input
        : new String(out, 0, o);
  }
}
