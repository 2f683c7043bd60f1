package dev.vpatch.engine.transformations;

/**
 * {@code urlDecode}: %HH and '+' (to space). A '%' not followed by two hex digits stays as it is,
 * like ModSecurity's non-strict decoder.
 */
public final class UrlDecode implements Transformation {
  @Override
  public String apply(String input) {
    return PercentDecoder.decode(input, false, null);
  }

  @Override
  public long triggers() {
    return ByteClasses.of('%', '+');
  }
}
