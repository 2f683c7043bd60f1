package dev.vpatch.engine.transformations;

/**
 * {@code sqlHexDecode}: decodes SQL hex literals (0xHHHH...) in place. This follows libmodsecurity
 * 3.0.9 exactly, including what its loop does at the edges: processing stops at the first NUL, the
 * last input byte is dropped unless a hex literal reaches it ("ab" gives "a", "0x41" gives "A"),
 * and the byte right after a literal is copied unexamined ("0x410x42" gives "A0x4").
 */
public final class SqlHexDecode implements Transformation {
  @Override
  public String apply(String input) {
    int length = input.length();
    if (length == 0) {
      return input;
    }
    LazyOutput out = new LazyOutput(input);
    int data = 0;
    int count = 0;
    while (++count < length && at(input, data) != 0) {
      if (at(input, data) == '0' && (at(input, data + 1) | 0x20) == 'x'
          && CLocale.isHexDigit(at(input, data + 2)) && CLocale.isHexDigit(at(input, data + 3))) {
        data += 2;
        count += 2;
        while (CLocale.isHexDigit(at(input, data)) && CLocale.isHexDigit(at(input, data + 1))) {
          out.append(CLocale.x2c(at(input, data), at(input, data + 1)));
          data += 2;
          count += 2;
        }
      }
      out.append(at(input, data));
      data++;
    }
    return out.resultUpToNul();
  }

  /** The byte at {@code index}, reading the C string's terminator (and beyond) as NUL. */
  private static char at(String input, int index) {
    return index < input.length() ? input.charAt(index) : '\0';
  }
}
