package dev.vpatch.ftw.http;

import java.util.regex.Pattern;

/**
 * A parsed request line, or the reason it is rejected. The target must be origin-form ({@code /...}),
 * asterisk-form ({@code *}, OPTIONS only), authority-form ({@code host:port}, CONNECT only) or
 * absolute-form ({@code scheme://...}); no whitespace, control bytes or fragment ({@code #}, which
 * RFC 9112 does not allow in a request target) anywhere.
 */
record RequestLine(String method, String target, String version, int status, String error) {
  private static final Pattern VERSION = Pattern.compile("HTTP/[0-9]\\.[0-9]");
  private static final Pattern AUTHORITY = Pattern.compile("[^/?#@\\[\\]]+:[0-9]{1,5}|\\[[0-9A-Fa-f:.]+\\]:[0-9]{1,5}");
  private static final Pattern ABSOLUTE = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://.*");

  static RequestLine parse(String line) {
    int firstSpace = line.indexOf(' ');
    if (firstSpace <= 0 || !Tokens.isToken(line, 0, firstSpace)) {
      return reject(400, "invalid method in request line: " + Tokens.printable(line));
    }
    String method = line.substring(0, firstSpace);
    int targetEnd = line.indexOf(' ', firstSpace + 1);
    String target = line.substring(firstSpace + 1, targetEnd < 0 ? line.length() : targetEnd);
    String version = targetEnd < 0 ? "" : line.substring(targetEnd + 1);
    String targetProblem = targetProblem(method, target);
    if (targetProblem != null) {
      return reject(400, targetProblem);
    }
    if (version.isEmpty()) {
      return method.equals("GET")
          ? new RequestLine(method, target, "HTTP/0.9", 0, null)
          : reject(400, "request line without HTTP version");
    }
    if (!VERSION.matcher(version).matches()) {
      return reject(400, "invalid HTTP version: " + Tokens.printable(version));
    }
    if (version.charAt(5) == '0') {
      return reject(400, "HTTP version below 1.0 with a version field: " + version);
    }
    return new RequestLine(method, target, version, 0, null);
  }

  private static String targetProblem(String method, String target) {
    if (target.isEmpty()) {
      return "empty request target";
    }
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      if (c <= 0x20 || c == 0x7F) {
        return "whitespace or control byte in request target: " + Tokens.printable(target);
      }
      if (c == '#') {
        return "fragment in request target: " + Tokens.printable(target);
      }
    }
    if (method.equals("CONNECT")) {
      return AUTHORITY.matcher(target).matches() ? null : "CONNECT needs host:port, got " + Tokens.printable(target);
    }
    if (target.charAt(0) == '/') {
      return null;
    }
    if (target.equals("*")) {
      return method.equals("OPTIONS") ? null : "asterisk-form target with method " + method;
    }
    if (ABSOLUTE.matcher(target).matches()) {
      return null;
    }
    return "invalid request target: " + Tokens.printable(target);
  }

  private static RequestLine reject(int status, String reason) {
    return new RequestLine(null, null, null, status, reason);
  }
}
