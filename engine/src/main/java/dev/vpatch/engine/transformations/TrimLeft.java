package dev.vpatch.engine.transformations;

/** {@code trimLeft}: removes leading C-locale whitespace. */
public final class TrimLeft implements Transformation {
  @Override
  public String apply(String input) {
    int start = startWithoutSpace(input, input.length());
    return start == 0 ? input : input.substring(start);
  }

  static int startWithoutSpace(String input, int end) {
    int start = 0;
    while (start < end && CLocale.isSpace(input.charAt(start))) {
      start++;
    }
    return start;
  }

  @Override
  public long triggers() {
    return ByteClasses.WHITESPACE;
  }
}
