package dev.vpatch.engine.transformations;

/**
 * {@code urlDecodeUni}: like {@code urlDecode}, plus IIS-style %uHHHH. A code point listed in the
 * rule set's {@link UnicodeMap} (SecUnicodeMapFile) becomes its mapped byte; otherwise ModSecurity
 * keeps only the low byte of the code point, except full-width ASCII (U+FF01-U+FF5E), which it maps
 * to the ASCII character. Invalid sequences stay as they are.
 */
public final class UrlDecodeUni implements Transformation {
  private final UnicodeMap map;

  /** Without a unicode map, as ModSecurity runs when SecUnicodeMapFile is not set. */
  public UrlDecodeUni() {
    this(null);
  }

  /** With the map of SecUnicodeMapFile ({@code null} for none). */
  public UrlDecodeUni(UnicodeMap map) {
    this.map = map;
  }

  @Override
  public String apply(String input) {
    return PercentDecoder.decode(input, true, map);
  }

  @Override
  public long triggers() {
    return ByteClasses.of('%', '+');
  }
}
