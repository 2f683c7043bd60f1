package dev.vpatch.engine.transformations;

/**
 * {@code removeWhitespace}: drops C-locale whitespace (space, \t, \n, \v, \f, \r) and, unlike the
 * other whitespace transformations, the non-breaking space 0xA0 too (checked against ModSecurity
 * 3.0.9).
 */
public final class RemoveWhitespace implements Transformation {
  @Override
  public String apply(String input) {
    LazyOutput out = new LazyOutput(input);
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      if (!CLocale.isSpace(c) && c != 0xa0) {
        out.append(c);
      }
    }
    return out.result();
  }

  @Override
  public long triggers() {
    return ByteClasses.WHITESPACE | ByteClasses.of((char) 0xa0);
  }
}
