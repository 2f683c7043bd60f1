package dev.vpatch.engine.bodies.multipart;

import java.util.Locale;

/**
 * The boundary of a {@code multipart/form-data} Content-Type, read with ModSecurity's rules: one
 * {@code boundary} parameter written in lower case, at most one semicolon before it, optional
 * quoting, only RFC 2046 characters. Oddities that are tolerated are reported as flags.
 */
final class MultipartContentType {
  private static final int MAX_HEADER_LENGTH = 1024;
  private static final String MIME_TYPE = "multipart/form-data";

  /** The boundary, or null when the header was rejected. */
  final String boundary;
  /** Why the header was rejected; null when accepted or when ModSecurity rejects silently. */
  final String error;

  final boolean quoted;
  final boolean whitespace;
  final boolean missingSemicolon;

  private MultipartContentType(
      String boundary, String error, boolean quoted, boolean whitespace, boolean missingSemicolon) {
    this.boundary = boundary;
    this.error = error;
    this.quoted = quoted;
    this.whitespace = whitespace;
    this.missingSemicolon = missingSemicolon;
  }

  private static MultipartContentType rejected(String error, boolean whitespace, boolean semicolon) {
    return new MultipartContentType(null, error, false, whitespace, semicolon);
  }

  /** Whether a rejection also sets the strict-error flag (every rejection but the silent one). */
  boolean rejectedWithError() {
    return boundary == null && error != null;
  }

  static MultipartContentType parse(String contentType) {
    String header = contentType == null ? "" : upToNul(contentType);
    if (header.isEmpty()) {
      return rejected("Multipart: Content-Type header not available.", false, false);
    }
    if (header.length() > MAX_HEADER_LENGTH) {
      return rejected("Multipart: Invalid boundary in C-T (length).", false, false);
    }
    if (!header.regionMatches(true, 0, MIME_TYPE, 0, MIME_TYPE.length())) {
      return rejected("Multipart: Invalid MIME type.", false, false);
    }
    if (countBoundaryParameters(header) > 1) {
      return rejected("Multipart: Multiple boundary parameters in C-T.", false, false);
    }
    int parameter = header.indexOf("boundary");
    if (parameter < 0) {
      if (countBoundaryParameters(header) > 0) {
        return rejected("Multipart: Invalid boundary in C-T (case sensitivity).", false, false);
      }
      return rejected("Multipart: Boundary not found in C-T.", false, false);
    }
    boolean seenSemicolon = false;
    for (int p = MIME_TYPE.length(); p < parameter; p++) {
      char c = header.charAt(p);
      if (!CType.isSpace(c)) {
        if (!seenSemicolon && c == ';') {
          seenSemicolon = true;
        } else {
          return rejected("Multipart: Invalid boundary in C-T (malformed).", false, false);
        }
      }
    }
    boolean missingSemicolon = !seenSemicolon;
    int equals = header.indexOf('=', parameter + "boundary".length());
    if (equals < 0) {
      return rejected("Multipart: Invalid boundary in C-T (malformed).", false, missingSemicolon);
    }
    boolean whitespace = false;
    for (int p = parameter + "boundary".length(); p < equals; p++) {
      if (CType.isSpace(header.charAt(p))) {
        whitespace = true;
      } else {
        return rejected(
            "Multipart: Invalid boundary in C-T (parameter name).", whitespace, missingSemicolon);
      }
    }
    String rest = header.substring(equals + 1);
    if (!rest.isEmpty() && CType.isSpace(rest.charAt(0))) {
      whitespace = true;
    }
    int length = rest.length();
    String boundary;
    boolean quoted;
    if (length >= 2 && rest.charAt(0) == '"' && rest.charAt(length - 1) == '"') {
      boundary = rest.substring(1, length - 1);
      quoted = true;
    } else {
      if ((length >= 1 && rest.charAt(0) == '"')
          || (length >= 2 && rest.charAt(length - 1) == '"')) {
        return rejected("Multipart: Invalid boundary in C-T (quote).", whitespace, missingSemicolon);
      }
      int semicolon = rest.indexOf(';');
      boundary = semicolon < 0 ? rest : rest.substring(0, semicolon);
      quoted = false;
    }
    if (boundary.isEmpty()) {
      // ModSecurity gives up on an empty boundary without saying why.
      return new MultipartContentType(null, null, false, whitespace, missingSemicolon);
    }
    if (countBoundaryParameters(boundary) != 0) {
      return rejected("Multipart: Invalid boundary in C-T (content).", whitespace, missingSemicolon);
    }
    if (!hasValidCharacters(boundary)) {
      return rejected(
          "Multipart: Invalid boundary in C-T (characters).", whitespace, missingSemicolon);
    }
    return new MultipartContentType(boundary, null, quoted, whitespace, missingSemicolon);
  }

  private static String upToNul(String value) {
    int nul = value.indexOf('\0');
    return nul < 0 ? value : value.substring(0, nul);
  }

  /** Occurrences of "boundary" (any case) that have an '=' somewhere after them. */
  private static int countBoundaryParameters(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    int count = 0;
    for (int at = lower.indexOf("boundary"); at >= 0; at = lower.indexOf("boundary", at + 8)) {
      if (lower.indexOf('=', at + 8) >= 0) {
        count++;
      }
    }
    return count;
  }

  /** RFC 2046 boundary characters; a space is allowed but not as the last character. */
  private static boolean hasValidCharacters(String boundary) {
    for (int i = 0; i < boundary.length(); i++) {
      char c = boundary.charAt(i);
      boolean valid =
          (c >= '0' && c <= '9')
              || (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c == ' ' && i + 1 < boundary.length())
              || "'()+_,-./:=?".indexOf(c) >= 0;
      if (!valid) {
        return false;
      }
    }
    return true;
  }
}
