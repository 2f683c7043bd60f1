package dev.vpatch.patches.importers;

import dev.vpatch.store.model.PocRequest;
import java.net.URI;

/** Turns a raw HTTP/1.x request as scanners store it ("GET /x HTTP/1.1\r\nHost: ...\r\n\r\nbody") into a PoC. */
final class RawHttpRequest {
  private RawHttpRequest() {}

  /** Returns null when the text has no request line. */
  static PocRequest parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String text = raw.replace("\r\n", "\n");
    int headEnd = text.indexOf("\n\n");
    String head = headEnd < 0 ? text : text.substring(0, headEnd);
    String body = headEnd < 0 ? "" : text.substring(headEnd + 2);
    String[] lines = head.split("\n");
    String[] requestLine = lines[0].trim().split(" ");
    if (requestLine.length < 2) {
      return null;
    }
    StringBuilder headers = new StringBuilder();
    for (int i = 1; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        headers.append(headers.length() == 0 ? "" : "\n").append(lines[i].trim());
      }
    }
    return new PocRequest(requestLine[0], requestTarget(requestLine[1]), headers.toString(), body);
  }

  /** Path and query of an absolute-form target ("http://h/p?q" becomes "/p?q"); origin-form stays. */
  static String requestTarget(String target) {
    if (target.startsWith("/")) {
      return target;
    }
    try {
      URI uri = URI.create(target.replace(" ", "%20"));
      String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    } catch (IllegalArgumentException e) {
      int schemeEnd = target.indexOf("://");
      int pathStart = schemeEnd < 0 ? -1 : target.indexOf('/', schemeEnd + 3);
      return pathStart < 0 ? "/" : target.substring(pathStart);
    }
  }
}
