package dev.vpatch.engine.transformations;

/**
 * {@code parityEven7bit}: sets bit 7 so that the byte has even parity. Like ModSecurity, the parity
 * is computed over all 8 input bits, bit 7 included.
 */
public final class ParityEven7bit implements Transformation {
  @Override
  public String apply(String input) {
    return Parity.map(input, true);
  }
}
