package dev.vpatch.ftw.backend;

import java.util.Map;

/** Reason phrases for status lines. */
public final class StatusTexts {
  private static final Map<Integer, String> TEXTS = Map.ofEntries(
      Map.entry(100, "Continue"), Map.entry(101, "Switching Protocols"),
      Map.entry(200, "OK"), Map.entry(201, "Created"), Map.entry(202, "Accepted"),
      Map.entry(204, "No Content"), Map.entry(206, "Partial Content"),
      Map.entry(301, "Moved Permanently"), Map.entry(302, "Found"), Map.entry(303, "See Other"),
      Map.entry(304, "Not Modified"), Map.entry(307, "Temporary Redirect"), Map.entry(308, "Permanent Redirect"),
      Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
      Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(408, "Request Timeout"),
      Map.entry(411, "Length Required"), Map.entry(413, "Content Too Large"), Map.entry(414, "URI Too Long"),
      Map.entry(409, "Conflict"), Map.entry(410, "Gone"), Map.entry(412, "Precondition Failed"),
      Map.entry(415, "Unsupported Media Type"), Map.entry(416, "Range Not Satisfiable"),
      Map.entry(418, "I'm a teapot"), Map.entry(422, "Unprocessable Entity"), Map.entry(426, "Upgrade Required"),
      Map.entry(429, "Too Many Requests"), Map.entry(431, "Request Header Fields Too Large"),
      Map.entry(451, "Unavailable For Legal Reasons"),
      Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"),
      Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"),
      Map.entry(505, "HTTP Version Not Supported"));

  private StatusTexts() {}

  public static String of(int status) {
    return TEXTS.getOrDefault(status, "Status " + status);
  }
}
