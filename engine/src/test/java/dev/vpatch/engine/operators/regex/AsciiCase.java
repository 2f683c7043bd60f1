package dev.vpatch.engine.operators.regex;

/** ASCII-only lower-casing, as required literals are compared. */
final class AsciiCase {
  private AsciiCase() {}

  static String lower(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
    }
    return out.toString();
  }
}
