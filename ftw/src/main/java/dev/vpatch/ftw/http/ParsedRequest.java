package dev.vpatch.ftw.http;

import dev.vpatch.ftw.model.HeaderField;
import java.util.List;

/**
 * A request as a strict HTTP/1.1 server read it. Method, target, version, header names and values
 * are byte strings (one char per byte).
 *
 * @param version {@code HTTP/x.y}; {@code HTTP/0.9} for a simple request line without version
 * @param body the decoded body (chunked framing removed), empty when none
 */
public record ParsedRequest(
    String method, String target, String version, List<HeaderField> headers, byte[] body, boolean chunked) {

  public ParsedRequest {
    headers = List.copyOf(headers);
  }

  public boolean isSimpleRequest() {
    return version.equals("HTTP/0.9");
  }

  /** The first value of a header (case-insensitive name), or null. */
  public String header(String name) {
    for (HeaderField header : headers) {
      if (header.named(name)) {
        return header.value();
      }
    }
    return null;
  }

  /** The target's path: everything before the first {@code ?}. */
  public String path() {
    int query = target.indexOf('?');
    return query < 0 ? target : target.substring(0, query);
  }

  ParsedRequest withBody(byte[] newBody, boolean isChunked) {
    return new ParsedRequest(method, target, version, headers, newBody, isChunked);
  }
}
