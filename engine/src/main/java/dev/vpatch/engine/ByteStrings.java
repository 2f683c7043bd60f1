package dev.vpatch.engine;

import java.nio.charset.StandardCharsets;

/** Conversions between bytes, byte strings (one char per byte) and text. */
public final class ByteStrings {
  private ByteStrings() {}

  /** One char per byte. */
  public static String of(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  public static String of(byte[] bytes, int offset, int length) {
    return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
  }

  /** The bytes behind a byte string. */
  public static byte[] bytes(String byteString) {
    return byteString.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Encodes Unicode text as UTF-8 and returns its byte string (e.g. for literals typed by users). */
  public static String fromText(String text) {
    return of(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Decodes a byte string as UTF-8 text (malformed sequences become U+FFFD), for display and logs. */
  public static String toText(String byteString) {
    return new String(bytes(byteString), StandardCharsets.UTF_8);
  }
}
