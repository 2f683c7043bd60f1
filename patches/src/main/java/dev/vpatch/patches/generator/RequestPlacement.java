package dev.vpatch.patches.generator;

import dev.vpatch.store.model.ParamWhere;
import java.util.ArrayList;
import java.util.List;

/** Renders a parameter value into a request at a given place: query, urlencoded, JSON or multipart body, cookie, header. */
final class RequestPlacement {
  private static final String BOUNDARY = "vpatchBoundary7MA4YWxk";

  private RequestPlacement() {}

  /**
   * @param encodedValue the value already encoded for URLs and form bodies (ignored for JSON,
   *     multipart and headers, which take {@code rawValue})
   */
  static TestRequest place(String description, ParamWhere where, String path, String name, String rawValue,
      String encodedValue, boolean mustBlock) {
    List<String[]> headers = new ArrayList<>();
    String encodedName = PayloadEncodings.form(name);
    switch (where) {
      case BODY:
        headers.add(new String[] {"Content-Type", "application/x-www-form-urlencoded"});
        return new TestRequest(description, "POST", path, headers, encodedName + "=" + encodedValue, mustBlock, List.of());
      case JSON:
        headers.add(new String[] {"Content-Type", "application/json"});
        return new TestRequest(description, "POST", path, headers,
            "{\"" + PayloadEncodings.json(name) + "\": \"" + PayloadEncodings.json(rawValue) + "\"}", mustBlock, List.of());
      case COOKIE:
        headers.add(new String[] {"Cookie", encodedName + "=" + encodedValue});
        return new TestRequest(description, "GET", path, headers, "", mustBlock, List.of());
      case HEADER:
        headers.add(new String[] {name, rawValue.replace("\r", "").replace("\n", "")});
        return new TestRequest(description, "GET", path, headers, "", mustBlock, List.of());
      default:
        return new TestRequest(description, "GET", path + "?" + encodedName + "=" + encodedValue, headers, "", mustBlock,
            List.of());
    }
  }

  static TestRequest multipart(String description, String path, String name, String rawValue, boolean mustBlock) {
    List<String[]> headers = new ArrayList<>();
    headers.add(new String[] {"Content-Type", "multipart/form-data; boundary=" + BOUNDARY});
    // Lines end in LF: go-ftw turns every LF of a multipart body into CRLF when sending.
    String body = "--" + BOUNDARY + "\nContent-Disposition: form-data; name=\"" + name.replace("\"", "") + "\"\n\n"
        + rawValue.replace("\r", "").replace("\n", " ") + "\n--" + BOUNDARY + "--\n";
    return new TestRequest(description, "POST", path, headers, body, mustBlock, List.of());
  }
}
