package dev.vpatch.engine.transformations;

/**
 * {@code hexDecode}: each pair of bytes becomes one byte. ModSecurity does not validate the digits
 * (non-hex bytes go through the same arithmetic, "zz" gives 'S') and drops an odd last byte.
 */
public final class HexDecode implements Transformation {
  @Override
  public String apply(String input) {
    if (input.isEmpty()) {
      return input;
    }
    char[] out = new char[input.length() / 2];
    for (int o = 0; o < out.length; o++) {
      out[o] = CLocale.x2c(input.charAt(2 * o), input.charAt(2 * o + 1));
    }
    return new String(out);
  }
}
