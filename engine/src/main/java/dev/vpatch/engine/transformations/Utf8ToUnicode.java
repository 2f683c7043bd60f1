package dev.vpatch.engine.transformations;

/**
 * {@code utf8toUnicode}: each well-formed UTF-8 sequence of 2 to 4 bytes becomes %uHHHH text
 * (lowercase hex, at least four digits: "é" gives "%u00e9", U+1F600 gives "%u1f600"). Follows
 * libmodsecurity 3.0.9 byte for byte:
 *
 * <ul>
 *   <li>ASCII stays, except NUL bytes, which are dropped;
 *   <li>a lead byte (C0-F7) whose continuation bytes are missing or wrong is dropped, the bytes
 *       after it are looked at on their own;
 *   <li>other bytes (80-BF, F8-FF) stay;
 *   <li>after an overlong form or a surrogate (D800-DFFF) the lead byte is appended
 *       ("C0 AF" gives "%u002f" + C0);
 *   <li>lead bytes F5-F7 are copied before the decoded sequence.
 * </ul>
 */
public final class Utf8ToUnicode implements Transformation {
  @Override
  public String apply(String input) {
    int length = input.length();
    int start = 0;
    while (start < length && input.charAt(start) > 0 && input.charAt(start) < 0x80) {
      start++;
    }
    if (start == length) {
      return input;
    }
    LazyOutput out = new LazyOutput(input, start);
    int i = start;
    while (i < length) {
      char c = input.charAt(i);
      int sequence;
      if (c < 0x80) {
        if (c != 0) {
          out.append(c);
        }
        sequence = 1;
      } else if ((c & 0xe0) == 0xc0) {
        sequence = encodeSequence(input, i, 2, out);
      } else if ((c & 0xf0) == 0xe0) {
        sequence = encodeSequence(input, i, 3, out);
      } else if ((c & 0xf8) == 0xf0) {
        if (c >= 0xf5) {
          out.append(c);
        }
        sequence = encodeSequence(input, i, 4, out);
      } else {
        out.append(c);
        sequence = 1;
      }
      i += sequence;
    }
    return out.result();
  }

  /** Encodes the {@code bytes}-long sequence at {@code i}; returns how many bytes it consumed. */
  private static int encodeSequence(String input, int i, int bytes, LazyOutput out) {
    if (i + bytes > input.length()) {
      return 1;
    }
    char lead = input.charAt(i);
    int codePoint = lead & (0xff >> (bytes + 1));
    for (int k = 1; k < bytes; k++) {
      char next = input.charAt(i + k);
      if ((next & 0xc0) != 0x80) {
        return 1;
      }
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    out.append("%u");
    String hex = Integer.toHexString(codePoint);
    for (int pad = hex.length(); pad < 4; pad++) {
      out.append('0');
    }
    out.append(hex);
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) {
      out.append(lead);
    }
    int shortestForm = bytes == 2 ? 0x80 : bytes == 3 ? 0x800 : 0x10000;
    if (codePoint < shortestForm) {
      out.append(lead);
    }
    return bytes;
  }

  @Override
  public long triggers() {
    return ByteClasses.NON_ASCII | ByteClasses.of('\0');
  }
}
