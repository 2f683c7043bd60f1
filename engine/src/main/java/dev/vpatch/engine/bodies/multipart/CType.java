package dev.vpatch.engine.bodies.multipart;

/** The C library's character classes in the "C" locale, which ModSecurity's parser relies on. */
final class CType {
  private CType() {}

  /** C {@code isspace}: space, \t, \n, \v, \f, \r. */
  static boolean isSpace(int c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }

  /** An RFC 2616 token character: printable ASCII except separators. */
  static boolean isTokenChar(int c) {
    if (c <= 32 || c >= 127) {
      return false;
    }
    return "()<>@,;:\\\"/[]?=".indexOf(c) < 0;
  }
}
