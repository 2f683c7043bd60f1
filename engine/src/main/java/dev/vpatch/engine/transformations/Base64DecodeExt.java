package dev.vpatch.engine.transformations;

/**
 * {@code base64DecodeExt}: forgiving decoding as libmodsecurity 3.0.9 does it. Bytes outside the
 * alphabet (NUL included) are skipped, a trailing partial byte is dropped, '=' is skipped except
 * that a lone '=' right after the first digit of a group empties the whole result.
 */
public final class Base64DecodeExt implements Transformation {
  /** The value ModSecurity compares with '=' at the end: the '=' itself, or the last digit's value. */
  private static final int PAD = '=';

  @Override
  public String apply(String input) {
    if (input.isEmpty()) {
      return input;
    }
    int length = input.length();
    char[] out = new char[length / 4 * 3 + 3];
    int o = 0;
    int digits = 0;
    int last = 0;
    int pending = 0;
    for (int i = 0; i < length; i++) {
      char c = input.charAt(i);
      if (c == '=') {
        char next = i + 1 < length ? input.charAt(i + 1) : '\0';
        if (next != '=' && digits % 4 == 1) {
          return "";
        }
        last = PAD;
        continue;
      }
      int value = Base64Alphabet.value(c);
      last = value;
      if (value < 0) {
        continue;
      }
      switch (digits % 4) {
        case 0 -> pending = value << 2;
        case 1 -> {
          out[o++] = (char) ((pending | (value >> 4)) & 0xff);
          pending = (value & 0x0f) << 4;
        }
        case 2 -> {
          out[o++] = (char) ((pending | (value >> 2)) & 0xff);
          pending = (value & 0x03) << 6;
        }
        default -> out[o++] = (char) ((pending | value) & 0xff);
      }
      digits++;
    }
    // ModSecurity compares the last digit's value with '=' (61), so a final '9' counts as padding.
    if (last == PAD && digits % 4 == 1) {
      return "";
    }
    return new String(out, 0, o);
  }
}
