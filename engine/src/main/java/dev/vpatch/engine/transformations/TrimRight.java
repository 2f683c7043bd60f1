package dev.vpatch.engine.transformations;

/** {@code trimRight}: removes trailing C-locale whitespace. */
public final class TrimRight implements Transformation {
  @Override
  public String apply(String input) {
    int end = endWithoutSpace(input);
    return end == input.length() ? input : input.substring(0, end);
  }

  static int endWithoutSpace(String input) {
    int end = input.length();
    while (end > 0 && CLocale.isSpace(input.charAt(end - 1))) {
      end--;
    }
    return end;
  }

  @Override
  public long triggers() {
    return ByteClasses.WHITESPACE;
  }
}
