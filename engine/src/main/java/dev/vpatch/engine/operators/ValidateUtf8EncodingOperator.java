package dev.vpatch.engine.operators;

import dev.vpatch.engine.transformations.ByteClasses;

/**
 * {@code @validateUtf8Encoding}: matches when the input is not valid UTF-8 by ModSecurity's rules:
 * a truncated sequence, a continuation byte out of place, an invalid lead byte (0x80-0xBF,
 * 0xF8-0xFF), a lead byte 0xF5-0xF7, a surrogate (U+D800-U+DFFF) or an overlong form. Like
 * ModSecurity, 0xF4 sequences above U+10FFFF are accepted.
 */
public final class ValidateUtf8EncodingOperator implements Operator {
  private static final int INVALID = -1;

  public ValidateUtf8EncodingOperator(OperatorArgument argument) {}

  /** ASCII text is valid UTF-8. */
  @Override
  public long triggers() {
    return ByteClasses.NON_ASCII;
  }

  @Override
  public boolean matches(MatchContext context, String input) {
    int i = 0;
    while (i < input.length()) {
      int length = sequenceLength(input, i);
      if (length == INVALID) return true;
      i += length;
    }
    return false;
  }

  /** The length of the valid sequence starting at {@code at}, or INVALID. */
  private static int sequenceLength(String input, int at) {
    int lead = input.charAt(at);
    if (lead < 0x80) return 1;
    int length;
    int codePoint;
    int minimum;
    if ((lead & 0xe0) == 0xc0) {
      length = 2;
      codePoint = lead & 0x1f;
      minimum = 0x80;
    } else if ((lead & 0xf0) == 0xe0) {
      length = 3;
      codePoint = lead & 0x0f;
      minimum = 0x800;
    } else if ((lead & 0xf8) == 0xf0 && lead < 0xf5) {
      length = 4;
      codePoint = lead & 0x07;
      minimum = 0x10000;
    } else {
      return INVALID;
    }
    if (at + length > input.length()) return INVALID;
    for (int k = 1; k < length; k++) {
      int continuation = input.charAt(at + k);
      if ((continuation & 0xc0) != 0x80) return INVALID;
      codePoint = (codePoint << 6) | (continuation & 0x3f);
    }
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) return INVALID;
    if (codePoint < minimum) return INVALID;
    return length;
  }
}
