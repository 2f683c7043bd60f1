package dev.vpatch.ftw.http;

/** Character classes of RFC 9110 used by the parsers. */
final class Tokens {
  private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

  private Tokens() {}

  static boolean isTokenChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || TOKEN_SYMBOLS.indexOf(c) >= 0;
  }

  static boolean isToken(String text, int from, int to) {
    if (from >= to) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (!isTokenChar(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static boolean isDigits(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return !text.isEmpty();
  }

  static boolean isHex(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.digit(text.charAt(i), 16) < 0) {
        return false;
      }
    }
    return !text.isEmpty();
  }

  /** Strips leading and trailing SP and HTAB (optional whitespace), nothing else. */
  static String trimWhitespace(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
      start++;
    }
    while (end > start && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
      end--;
    }
    return text.substring(start, end);
  }

  /** A byte string shown safely in a message: control and non-ASCII bytes as \xHH, cut at 80. */
  static String printable(String byteString) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < byteString.length() && out.length() < 80; i++) {
      char c = byteString.charAt(i);
      if (c < 0x20 || c >= 0x7F) {
        out.append(String.format("\\x%02X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.length() >= 80 ? out + "..." : out.toString();
  }
}
