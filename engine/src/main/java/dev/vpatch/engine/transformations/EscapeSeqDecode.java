package dev.vpatch.engine.transformations;

/**
 * {@code escapeSeqDecode}: ANSI C escapes (\a \b \f \n \r \t \v, \xHH or \XHH, \O to \OOO octal,
 * truncated to one byte). For any other escape ModSecurity drops the backslash and keeps the next
 * byte (so \\ \? \' \" decode as expected, and "\xZZ" gives "xZZ"); a final lone backslash stays.
 */
public final class EscapeSeqDecode extends EscapeDecoder {
  public EscapeSeqDecode() {
    super('\\');
  }

  @Override
  int decodeEscape(String input, int i, LazyOutput out) {
    char next = input.charAt(i + 1);
    int simple = SimpleEscapes.of(next);
    if (simple >= 0) {
      out.append((char) simple);
      return i + 2;
    }
    if ((next == 'x' || next == 'X') && i + 3 < input.length()
        && CLocale.areHexDigits(input, i + 2, 2)) {
      out.append(CLocale.x2c(input.charAt(i + 2), input.charAt(i + 3)));
      return i + 4;
    }
    if (CLocale.isOctalDigit(next)) {
      int digits = octalDigits(input, i + 1, 3);
      out.append((char) (Integer.parseInt(input, i + 1, i + 1 + digits, 8) & 0xff));
      return i + 1 + digits;
    }
    out.append(next);
    return i + 2;
  }
}
