package dev.vpatch.engine.transaction;

/** Percent-decoding of the URI path for REQUEST_FILENAME ({@code +} stays a plus, invalid escapes stay). */
final class PathDecoder {
  private PathDecoder() {}

  static String decode(String s) {
    if (s.indexOf('%') < 0) return s;
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
        out.append((char) (hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2))));
        i += 2;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }
}
