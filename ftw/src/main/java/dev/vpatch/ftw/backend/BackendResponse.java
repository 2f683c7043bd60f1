package dev.vpatch.ftw.backend;

import dev.vpatch.ftw.model.HeaderField;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A response of the test backend; header names and values are byte strings. */
public record BackendResponse(int status, List<HeaderField> headers, byte[] body) {
  public BackendResponse {
    headers = List.copyOf(headers);
  }

  public String header(String name) {
    for (HeaderField header : headers) {
      if (header.named(name)) {
        return header.value();
      }
    }
    return null;
  }

  /** The HTTP/1.1 wire form: status line, headers, blank line, body. */
  public byte[] toBytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128 + body.length);
    writeLatin1(out, "HTTP/1.1 " + status + " " + StatusTexts.of(status) + "\r\n");
    for (HeaderField header : headers) {
      writeLatin1(out, header.name() + ": " + header.value() + "\r\n");
    }
    writeLatin1(out, "\r\n");
    out.writeBytes(body);
    return out.toByteArray();
  }

  private static void writeLatin1(ByteArrayOutputStream out, String byteString) {
    out.writeBytes(byteString.getBytes(StandardCharsets.ISO_8859_1));
  }
}
