package dev.vpatch.ftw.model;

import java.util.List;

/**
 * What a stage sends, with go-ftw's defaults applied: method GET, uri "/", version HTTP/1.1,
 * protocol http, dest_addr localhost, port 80, autocomplete_headers true.
 *
 * @param headers headers in the order they are sent (go-ftw sorts a YAML map by name)
 * @param data the body after template evaluation (UTF-8 text), or null when absent
 * @param encodedData base64 body (encoded_data) decoded to bytes, or null
 * @param encodedRequest the whole request decoded from encoded_request (or raw_request), or null;
 *     when set it is sent verbatim and every other request field is ignored
 */
public record StageInput(
    String destAddr,
    int port,
    String protocol,
    String method,
    String uri,
    String version,
    List<HeaderField> headers,
    String data,
    byte[] encodedData,
    byte[] encodedRequest,
    boolean autocompleteHeaders,
    boolean saveCookie,
    boolean followRedirect) {

  public StageInput {
    headers = List.copyOf(headers);
  }
}
