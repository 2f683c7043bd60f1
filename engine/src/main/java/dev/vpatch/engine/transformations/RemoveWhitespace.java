package dev.vpatch.engine.transformations;

import dev.vpatch.engine.ByteStrings;

/**
 * {@code removeWhitespace}: drops C-locale whitespace (space, \t, \n, \v, \f, \r) and, unlike the
 * other whitespace transformations, the non-breaking space 0xA0 too (checked against ModSecurity
 * 3.0.9).
 */
public final class RemoveWhitespace implements Transformation {
  /** Per byte: 0 for the bytes this transformation drops, else 1 (the loop adds it, no branch). */
  private static final byte[] KEPT = new byte[256];

  static {
    for (int b = 0; b < 256; b++) {
      KEPT[b] = (byte) (CLocale.isSpace((char) b) || b == 0xa0 ? 0 : 1);
    }
  }

  @Override
  public String apply(String input) {
    byte[] in = ByteStrings.bytes(input);
    byte[] out = new byte[in.length];
    int o = 0;
    for (byte b : in) {
      out[o] = b;
      o += KEPT[b & 0xff];
    }
    return ByteResult.of(input, in, out, o);
  }

  @Override
  public long triggers() {
    return ByteClasses.WHITESPACE | ByteClasses.of((char) 0xa0);
  }
}
