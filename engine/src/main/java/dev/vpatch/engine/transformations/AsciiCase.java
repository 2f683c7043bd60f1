package dev.vpatch.engine.transformations;

import java.nio.charset.StandardCharsets;

/** ASCII-only case mapping (tolower/toupper in the C locale) behind lowercase and uppercase. */
final class AsciiCase {
  private AsciiCase() {}

  /** Adds {@code delta} to every byte in {@code first..last}; returns {@code input} if there is none. */
  static String shift(String input, char first, char last, int delta) {
    int length = input.length();
    int start = 0;
    while (start < length && (input.charAt(start) < first || input.charAt(start) > last)) {
      start++;
    }
    if (start == length) {
      return input;
    }
    // Byte strings: one byte per char, so the copy stays compact (no char[] inflation).
    byte[] out = input.getBytes(StandardCharsets.ISO_8859_1);
    for (int i = start; i < length; i++) {
      if (out[i] >= first && out[i] <= last) {
        out[i] = (byte) (out[i] + delta);
      }
    }
    return new String(out, StandardCharsets.ISO_8859_1);
  }
}
