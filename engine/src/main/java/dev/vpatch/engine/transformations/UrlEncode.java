package dev.vpatch.engine.transformations;

/**
 * {@code urlEncode}: ModSecurity keeps only '*', digits and ASCII letters; space becomes '+', every
 * other byte %hh (lowercase hex).
 */
public final class UrlEncode implements Transformation {
  @Override
  public String apply(String input) {
    int length = input.length();
    int start = 0;
    while (start < length && isKept(input.charAt(start))) {
      start++;
    }
    if (start == length) {
      return input;
    }
    StringBuilder out = new StringBuilder(length + 16);
    out.append(input, 0, start);
    for (int i = start; i < length; i++) {
      char c = input.charAt(i);
      if (isKept(c)) {
        out.append(c);
      } else if (c == ' ') {
        out.append('+');
      } else {
        out.append('%').append(CLocale.lowerHexDigit(c >> 4)).append(CLocale.lowerHexDigit(c));
      }
    }
    return out.toString();
  }

  private static boolean isKept(char c) {
    return c == '*' || CLocale.isAlnum(c);
  }
}
