package dev.vpatch.ftw.http;

import java.io.ByteArrayOutputStream;

/**
 * go-ftw's treatment of an {@code application/x-www-form-urlencoded} body: data that contains no
 * escape ({@code %} or {@code +}) is taken as unencoded {@code key=value&...} pairs and each key and
 * value is query-escaped (space as {@code +}, bytes outside {@code A-Za-z0-9-_.~} as {@code %XX});
 * data with an escape is sent as is.
 */
public final class FormUrlEncoding {
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private FormUrlEncoding() {}

  /** Data that unescaping would change is considered already encoded. */
  public static boolean looksEncoded(byte[] data) {
    for (byte b : data) {
      if (b == '%' || b == '+') {
        return true;
      }
    }
    return false;
  }

  public static byte[] encodePairs(byte[] data) {
    if (data.length == 0 || looksEncoded(data)) {
      return data;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 16);
    int start = 0;
    while (start < data.length) {
      int amp = indexOf(data, (byte) '&', start, data.length);
      int end = amp < 0 ? data.length : amp;
      int eq = indexOf(data, (byte) '=', start, end);
      if (eq < 0) {
        escape(data, start, end, out);
      } else {
        escape(data, start, eq, out);
        out.write('=');
        escape(data, eq + 1, end, out);
      }
      out.write('&');
      start = amp < 0 ? data.length : amp + 1;
    }
    byte[] encoded = out.toByteArray();
    // go-ftw strips the one trailing '&' it appends (so a trailing '&' of the input is lost too)
    return java.util.Arrays.copyOf(encoded, encoded.length - 1);
  }

  private static void escape(byte[] data, int from, int to, ByteArrayOutputStream out) {
    for (int i = from; i < to; i++) {
      int b = data[i] & 0xFF;
      if (isUnreserved(b)) {
        out.write(b);
      } else if (b == ' ') {
        out.write('+');
      } else {
        out.write('%');
        out.write(HEX[b >> 4]);
        out.write(HEX[b & 0xF]);
      }
    }
  }

  private static boolean isUnreserved(int b) {
    return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')
        || b == '-' || b == '_' || b == '.' || b == '~';
  }

  private static int indexOf(byte[] data, byte wanted, int from, int to) {
    for (int i = from; i < to; i++) {
      if (data[i] == wanted) {
        return i;
      }
    }
    return -1;
  }
}
