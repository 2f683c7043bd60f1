package dev.vpatch.proxy.http1;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The field names (or the values) of the previous request on a connection, by position in the
 * head, kept as text and as bytes. A client sends mostly the same fields in the same order on a
 * keep-alive connection: a field whose bytes equal the remembered ones at its position reuses that
 * text, already checked, without decoding, allocating or checking it again. The byte comparison is
 * one vectorized {@link Arrays#equals} (a per-character comparison was a measurable part of parsing).
 */
final class RecentFieldTexts {
  private final String[] texts;
  private final byte[][] bytes;
  private final int maxLength;

  RecentFieldTexts(int positions, int maxLength) {
    this.texts = new String[positions];
    this.bytes = new byte[positions][];
    this.maxLength = maxLength;
  }

  /** The text remembered at {@code position} if its bytes equal {@code [start, start + length)} of {@code in}, else null. */
  String match(ByteBuf in, int start, int length, int position) {
    if (position < 0 || position >= bytes.length) {
      return null;
    }
    byte[] previous = bytes[position];
    if (previous == null || previous.length != length) {
      return null;
    }
    if (in.hasArray()) {
      int from = in.arrayOffset() + start;
      if (!Arrays.equals(in.array(), from, from + length, previous, 0, length)) {
        return null;
      }
    } else {
      for (int i = 0; i < length; i++) {
        if (in.getByte(start + i) != previous[i]) {
          return null;
        }
      }
    }
    return texts[position];
  }

  /**
   * Decodes {@code [start, start + length)} of {@code in} as ISO-8859-1. The caller checks the text
   * and then {@link #remember}s it.
   */
  static String decode(ByteBuf in, int start, int length) {
    return in.toString(start, length, StandardCharsets.ISO_8859_1);
  }

  /** Remembers a checked text for {@code position} (a no-op for positions and lengths beyond the limits). */
  void remember(int position, String text) {
    if (position < 0 || position >= bytes.length || text.length() > maxLength) {
      return;
    }
    texts[position] = text;
    bytes[position] = text.getBytes(StandardCharsets.ISO_8859_1);
  }
}
