package dev.vpatch.engine.transformations;

/** {@code parityZero7bit}: clears bit 7 of every byte. */
public final class ParityZero7bit implements Transformation {
  @Override
  public String apply(String input) {
    return Parity.clearBit7(input);
  }
}
