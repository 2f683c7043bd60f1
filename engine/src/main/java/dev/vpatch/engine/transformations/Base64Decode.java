package dev.vpatch.engine.transformations;

/**
 * {@code base64Decode}: strict decoding as libmodsecurity 3.0.9 does it with mbed TLS. The input
 * ends at its first NUL. Any invalid byte, a space inside a line, data after '=' or more than two
 * '=' make the whole result empty. Line breaks (\n, \r\n) and trailing spaces are skipped. A final
 * incomplete group of digits is dropped ("YWJjZA" gives "abc").
 */
public final class Base64Decode implements Transformation {
  @Override
  public String apply(String input) {
    if (input.isEmpty()) {
      return input;
    }
    int nul = input.indexOf('\0');
    int length = nul < 0 ? input.length() : nul;
    if (!isValid(input, length)) {
      return "";
    }
    char[] out = new char[length / 4 * 3 + 3];
    int o = 0;
    int bytesInGroup = 3;
    int digits = 0;
    int bits = 0;
    for (int i = 0; i < length; i++) {
      char c = input.charAt(i);
      if (c == '\r' || c == '\n' || c == ' ') {
        continue;
      }
      if (c == '=') {
        bytesInGroup--;
        bits <<= 6;
      } else {
        bits = (bits << 6) | Base64Alphabet.value(c);
      }
      if (++digits == 4) {
        digits = 0;
        if (bytesInGroup > 0) {
          out[o++] = (char) ((bits >> 16) & 0xff);
        }
        if (bytesInGroup > 1) {
          out[o++] = (char) ((bits >> 8) & 0xff);
        }
        if (bytesInGroup > 2) {
          out[o++] = (char) (bits & 0xff);
        }
      }
    }
    return new String(out, 0, o);
  }

  private static boolean isValid(String input, int length) {
    int equals = 0;
    for (int i = 0; i < length; i++) {
      int spaces = 0;
      while (i < length && input.charAt(i) == ' ') {
        i++;
        spaces++;
      }
      if (i == length) {
        break;
      }
      char c = input.charAt(i);
      if (c == '\n' || (c == '\r' && i + 1 < length && input.charAt(i + 1) == '\n')) {
        continue;
      }
      if (spaces != 0) {
        return false;
      }
      if (c == '=') {
        if (++equals > 2) {
          return false;
        }
      } else if (Base64Alphabet.value(c) < 0 || equals != 0) {
        return false;
      }
    }
    return true;
  }
}
