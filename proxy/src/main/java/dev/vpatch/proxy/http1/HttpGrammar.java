package dev.vpatch.proxy.http1;

/** Character classes of RFC 9110/9112 that the strict parser checks byte by byte. */
final class HttpGrammar {
  private static final boolean[] TCHAR = new boolean[256];
  private static final boolean[] HOST_CHAR = new boolean[256];

  static {
    for (char c = '0'; c <= '9'; c++) {
      TCHAR[c] = true;
      HOST_CHAR[c] = true;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      TCHAR[c] = true;
      TCHAR[c - 32] = true;
      HOST_CHAR[c] = true;
      HOST_CHAR[c - 32] = true;
    }
    for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
      TCHAR[c] = true;
    }
    for (char c : "-._~!$&'()*+,;=:%[]".toCharArray()) {
      HOST_CHAR[c] = true;
    }
  }

  private HttpGrammar() {}

  static boolean isToken(CharSequence s) {
    if (s.length() == 0) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c > 0xFF || !TCHAR[c]) {
        return false;
      }
    }
    return true;
  }

  /** field-vchar / SP / HTAB, obs-text allowed; every other control byte (NUL, CR, LF, DEL...) is not. */
  static boolean isFieldValue(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7F || c > 0xFF) {
        return false;
      }
    }
    return true;
  }

  /** Visible bytes only: no space, no control byte, no DEL. Bytes above 0x7F pass through as sent. */
  static boolean isRequestTarget(CharSequence s) {
    if (s.length() == 0) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= 0x20 || c == 0x7F || c > 0xFF) {
        return false;
      }
    }
    return true;
  }

  static boolean isHostValue(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c > 0xFF || !HOST_CHAR[c]) {
        return false;
      }
    }
    return true;
  }

  static boolean isOws(char c) {
    return c == ' ' || c == '\t';
  }

  static int hexValue(int b) {
    if (b >= '0' && b <= '9') {
      return b - '0';
    }
    if (b >= 'a' && b <= 'f') {
      return b - 'a' + 10;
    }
    if (b >= 'A' && b <= 'F') {
      return b - 'A' + 10;
    }
    return -1;
  }
}
