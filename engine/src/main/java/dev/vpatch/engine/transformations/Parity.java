package dev.vpatch.engine.transformations;

/** The bit-7 rewriting shared by the parity transformations. */
final class Parity {
  private Parity() {}

  /**
   * Bit 7 becomes set when the byte's 8-bit parity is odd (for {@code even}) or even (otherwise), and
   * clear in the other case.
   */
  static String map(String input, boolean even) {
    char[] out = null;
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      boolean oddBits = (Integer.bitCount(c) & 1) == 1;
      char mapped = (char) (oddBits == even ? c | 0x80 : c & 0x7f);
      if (mapped != c) {
        if (out == null) {
          out = input.toCharArray();
        }
        out[i] = mapped;
      }
    }
    return out == null ? input : new String(out);
  }

  static String clearBit7(String input) {
    char[] out = null;
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      if (c >= 0x80) {
        if (out == null) {
          out = input.toCharArray();
        }
        out[i] = (char) (c & 0x7f);
      }
    }
    return out == null ? input : new String(out);
  }
}
