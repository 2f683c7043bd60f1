package dev.vpatch.engine.transformations;

/**
 * {@code jsDecode}: JavaScript escapes. Backslash-u-HHHH keeps the low byte (full-width ASCII
 * U+FF01-U+FF5E becomes ASCII, see {@link UnicodeLowByte}), \xHH, octal \O to \OOO (at most one
 * byte: a third digit is only taken when the first is 0-3), the one-letter C escapes; for any other
 * byte the backslash is dropped. Only lowercase 'u' and 'x' introduce escapes; a final lone
 * backslash stays.
 */
public final class JsDecode extends EscapeDecoder {
  public JsDecode() {
    super('\\');
  }

  @Override
  int decodeEscape(String input, int i, LazyOutput out) {
    int length = input.length();
    char next = input.charAt(i + 1);
    if (next == 'u' && i + 5 < length && CLocale.areHexDigits(input, i + 2, 4)) {
      out.append(UnicodeLowByte.of(input, i + 2));
      return i + 6;
    }
    if (next == 'x' && i + 3 < length && CLocale.areHexDigits(input, i + 2, 2)) {
      out.append(CLocale.x2c(input.charAt(i + 2), input.charAt(i + 3)));
      return i + 4;
    }
    if (CLocale.isOctalDigit(next)) {
      int digits = octalDigits(input, i + 1, 3);
      if (digits == 3 && next > '3') {
        digits = 2;
      }
      out.append((char) Integer.parseInt(input, i + 1, i + 1 + digits, 8));
      return i + 1 + digits;
    }
    int simple = SimpleEscapes.of(next);
    out.append(simple >= 0 ? (char) simple : next);
    return i + 2;
  }
}
