package dev.vpatch.engine.transformations;

/** {@code replaceNulls}: every NUL byte becomes a space. */
public final class ReplaceNulls implements Transformation {
  @Override
  public String apply(String input) {
    return input.indexOf('\0') < 0 ? input : input.replace('\0', ' ');
  }

  @Override
  public long triggers() {
    return ByteClasses.of('\0');
  }
}
