package dev.vpatch.engine.transformations;

/**
 * {@code compressWhitespace}: every run of C-locale whitespace (space, \t, \n, \v, \f, \r) becomes
 * one space. 0xA0 is not whitespace here (checked against ModSecurity 3.0.9).
 */
public final class CompressWhitespace implements Transformation {
  @Override
  public String apply(String input) {
    int start = 0;
    while (start < input.length() && !startsChange(input, start)) {
      start++;
    }
    if (start == input.length()) {
      return input;
    }
    LazyOutput out = new LazyOutput(input, start);
    boolean inWhitespace = start > 0 && input.charAt(start - 1) == ' ';
    for (int i = start; i < input.length(); i++) {
      char c = input.charAt(i);
      if (!CLocale.isSpace(c)) {
        inWhitespace = false;
        out.append(c);
      } else if (!inWhitespace) {
        inWhitespace = true;
        out.append(' ');
      }
    }
    return out.result();
  }

  /** Whether the byte at {@code i} is whitespace that is not a single space kept as it is. */
  private static boolean startsChange(String input, int i) {
    char c = input.charAt(i);
    return CLocale.isSpace(c) && (c != ' ' || (i > 0 && CLocale.isSpace(input.charAt(i - 1))));
  }

  @Override
  public long triggers() {
    return ByteClasses.WHITESPACE;
  }
}
