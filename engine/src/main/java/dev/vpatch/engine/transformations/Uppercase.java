package dev.vpatch.engine.transformations;

/** {@code uppercase}: ASCII letters only, as toupper() in the C locale. */
public final class Uppercase implements Transformation {
  @Override
  public String apply(String input) {
    return AsciiCase.shift(input, 'a', 'z', 'A' - 'a');
  }

  @Override
  public boolean changesAsciiCaseOnly() {
    return true;
  }
}
