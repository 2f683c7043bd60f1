package dev.vpatch.engine.transformations;

/** {@code length}: the number of bytes, in decimal. */
public final class Length implements Transformation {
  @Override
  public String apply(String input) {
    String length = Integer.toString(input.length());
    return length.equals(input) ? input : length;
  }
}
