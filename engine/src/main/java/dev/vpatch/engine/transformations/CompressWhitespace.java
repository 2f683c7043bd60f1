package dev.vpatch.engine.transformations;

/**
 * {@code compressWhitespace}: every run of C-locale whitespace (space, \t, \n, \v, \f, \r) becomes
 * one space. 0xA0 is not whitespace here (checked against ModSecurity 3.0.9).
 */
public final class CompressWhitespace implements Transformation {
  @Override
  public String apply(String input) {
    LazyOutput out = new LazyOutput(input);
    boolean inWhitespace = false;
    for (int i = 0; i < input.length(); i++) {
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
}
