package dev.vpatch.engine.transformations;

/** {@code length}: the number of bytes, in decimal. */
public final class Length implements Transformation {
  @Override
  public String apply(String input) {
    return Integer.toString(input.length());
  }
}
