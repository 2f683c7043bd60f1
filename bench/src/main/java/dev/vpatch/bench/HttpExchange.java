package dev.vpatch.bench;

import java.util.List;

/**
 * One request as a client sends it and the response the application answers with. Every string
 * is a byte string (ISO-8859-1, one char per byte), like everything the engine handles.
 *
 * @param name short label used in benchmark and test output
 * @param method request method
 * @param uri request target as sent on the wire (already URL-encoded)
 * @param requestHeaders request headers in wire order
 * @param requestBody request body bytes as a byte string, empty for none
 * @param status response status
 * @param responseHeaders response headers in wire order
 * @param responseBody response body as a byte string
 */
public record HttpExchange(
    String name,
    String method,
    String uri,
    List<Header> requestHeaders,
    String requestBody,
    int status,
    List<Header> responseHeaders,
    String responseBody) {

  /** One header line. */
  public record Header(String name, String value) {}

  public HttpExchange {
    requestHeaders = List.copyOf(requestHeaders);
    responseHeaders = List.copyOf(responseHeaders);
  }
}
