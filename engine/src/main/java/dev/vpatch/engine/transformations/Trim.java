package dev.vpatch.engine.transformations;

/** {@code trim}: removes C-locale whitespace at both ends (not NUL, not 0xA0). */
public final class Trim implements Transformation {
  @Override
  public String apply(String input) {
    int end = TrimRight.endWithoutSpace(input);
    int start = TrimLeft.startWithoutSpace(input, end);
    return start == 0 && end == input.length() ? input : input.substring(start, end);
  }

  @Override
  public long triggers() {
    return ByteClasses.WHITESPACE;
  }
}
