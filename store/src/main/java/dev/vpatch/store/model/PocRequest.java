package dev.vpatch.store.model;

/**
 * A proof-of-concept request as the scanner or analyst sent it. {@code uri} is the request target
 * (path and query, or an absolute URL); {@code headers} holds "Name: value" lines.
 */
public record PocRequest(String method, String uri, String headers, String body) {
  public PocRequest {
    method = method == null || method.isBlank() ? "GET" : method;
    headers = headers == null ? "" : headers;
    body = body == null ? "" : body;
  }
}
