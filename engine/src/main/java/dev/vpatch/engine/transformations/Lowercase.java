package dev.vpatch.engine.transformations;

/** {@code lowercase}: ASCII letters only, as tolower() in the C locale. */
public final class Lowercase implements Transformation {
  @Override
  public String apply(String input) {
    return AsciiCase.shift(input, 'A', 'Z', 'a' - 'A');
  }

  @Override
  public boolean changesAsciiCaseOnly() {
    return true;
  }

  @Override
  public long triggers() {
    return ByteClasses.UPPERCASE;
  }
}
