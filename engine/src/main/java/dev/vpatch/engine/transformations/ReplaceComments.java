package dev.vpatch.engine.transformations;

/**
 * {@code replaceComments}: each C comment becomes one space; an unterminated comment runs to the
 * end and also becomes one space. A lone {@code *}{@code /} stays.
 */
public final class ReplaceComments implements Transformation {
  @Override
  public String apply(String input) {
    int start = input.indexOf("/*");
    if (start < 0) {
      return input;
    }
    int length = input.length();
    StringBuilder out = new StringBuilder(length);
    out.append(input, 0, start);
    int i = start;
    while (i < length) {
      int open = input.indexOf("/*", i);
      if (open < 0) {
        out.append(input, i, length);
        break;
      }
      out.append(input, i, open).append(' ');
      int close = input.indexOf("*/", open + 2);
      if (close < 0) {
        break;
      }
      i = close + 2;
    }
    return out.toString();
  }

  @Override
  public long triggers() {
    return ByteClasses.of('/');
  }
}
