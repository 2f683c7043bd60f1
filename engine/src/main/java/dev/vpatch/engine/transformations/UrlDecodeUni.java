package dev.vpatch.engine.transformations;

/**
 * {@code urlDecodeUni}: like {@code urlDecode}, plus IIS-style %uHHHH. Without a unicode map
 * (SecUnicodeMapFile), ModSecurity keeps only the low byte of the code point, except full-width
 * ASCII (U+FF01-U+FF5E), which it maps to the ASCII character. Invalid sequences stay as they are.
 */
public final class UrlDecodeUni implements Transformation {
  @Override
  public String apply(String input) {
    return PercentDecoder.decode(input, true);
  }
}
