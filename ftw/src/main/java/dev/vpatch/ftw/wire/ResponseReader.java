package dev.vpatch.ftw.wire;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads one HTTP/1.x response from a socket stream: status line, headers, and a body framed by
 * chunked encoding, Content-Length, or the end of the connection. What a client cannot parse
 * (no status line, as in an HTTP/0.9 answer) is an {@link IOException}.
 */
final class ResponseReader {
  private static final int MAX_HEAD = 64 * 1024;
  private static final int MAX_BODY = 64 * 1024 * 1024;

  /** The status and the raw bytes as received. */
  record Response(int status, byte[] raw) {}

  private final InputStream in;
  private final ByteArrayOutputStream raw = new ByteArrayOutputStream();

  private ResponseReader(InputStream in) {
    this.in = in;
  }

  static Response read(InputStream in, boolean headRequest) throws IOException {
    return new ResponseReader(in).response(headRequest);
  }

  private Response response(boolean headRequest) throws IOException {
    String statusLine = line();
    if (!statusLine.matches("HTTP/\\d\\.\\d \\d{3}( .*)?")) {
      throw new IOException("malformed status line: " + statusLine.substring(0, Math.min(80, statusLine.length())));
    }
    int status = Integer.parseInt(statusLine.substring(9, 12));
    long contentLength = -1;
    boolean chunked = false;
    for (String header = line(); !header.isEmpty(); header = line()) {
      int colon = header.indexOf(':');
      if (colon <= 0) {
        throw new IOException("malformed response header: " + header);
      }
      String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = header.substring(colon + 1).trim();
      if (name.equals("content-length")) {
        contentLength = Long.parseLong(value);
      } else if (name.equals("transfer-encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) {
        chunked = true;
      }
    }
    boolean bodyless = headRequest || status < 200 || status == 204 || status == 304;
    if (!bodyless) {
      if (chunked) {
        chunkedBody();
      } else if (contentLength >= 0) {
        exactly(contentLength);
      } else {
        untilClose();
      }
    }
    return new Response(status, raw.toByteArray());
  }

  private void chunkedBody() throws IOException {
    while (true) {
      String sizeLine = line();
      int extension = sizeLine.indexOf(';');
      long size = Long.parseLong((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(), 16);
      if (size == 0) {
        while (!line().isEmpty()) {
          // trailer fields are not needed
        }
        return;
      }
      exactly(size + 2);
    }
  }

  private void exactly(long count) throws IOException {
    if (raw.size() + count > MAX_BODY) {
      throw new IOException("response larger than " + MAX_BODY + " bytes");
    }
    for (long i = 0; i < count; i++) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("connection closed in the response body");
      }
      raw.write(b);
    }
  }

  private void untilClose() throws IOException {
    byte[] buffer = new byte[8192];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      raw.write(buffer, 0, n);
      if (raw.size() > MAX_BODY) {
        throw new IOException("response larger than " + MAX_BODY + " bytes");
      }
    }
  }

  private String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException(raw.size() == 0 ? "connection closed without a response" : "connection closed in the response head");
      }
      raw.write(b);
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
      }
      line.write(b);
      if (line.size() > MAX_HEAD) {
        throw new IOException("response head line too long");
      }
    }
  }
}
