package dev.vpatch.ftw.backend;

import dev.vpatch.engine.ByteStrings;
import dev.vpatch.ftw.http.ParsedRequest;
import dev.vpatch.ftw.model.HeaderField;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The behaviour of CRS's test backend albedo (github.com/coreruleset/albedo), a Go net/http
 * server: every request gets 200 with an empty body, except {@code POST /reflect} (and below),
 * which answers with the status, headers and body described by the JSON request body. Invalid JSON
 * or a status outside 100–599 gives 400 with a short text. Like Go, it adds {@code Date} and
 * {@code Content-Length} and sniffs a {@code Content-Type} for a body that has none.
 */
public final class Albedo {
  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

  private final Clock clock;

  public Albedo() {
    this(Clock.systemUTC());
  }

  public Albedo(Clock clock) {
    this.clock = clock;
  }

  public BackendResponse respond(ParsedRequest request) {
    if (request.method().equals("POST") && isReflectPath(path(request))) {
      return reflect(request.body());
    }
    return response(200, new ArrayList<>(), new byte[0]);
  }

  private BackendResponse reflect(byte[] json) {
    ReflectionSpec spec;
    try {
      spec = ReflectionSpec.parse(json);
    } catch (ReflectionSpec.InvalidSpecException e) {
      return response(400, new ArrayList<>(), text("Invalid JSON in request body"));
    }
    List<HeaderField> headers = new ArrayList<>();
    for (String[] header : spec.headers()) {
      String name = ByteStrings.fromText(header[0]);
      String value = ByteStrings.fromText(header[1]);
      if (isValidHeader(name, value)) {
        headers.add(new HeaderField(name, value));
      }
    }
    long status = spec.status();
    if (status < 0 || (status > 0 && status < 100) || status >= 600) {
      return response(400, headers, text("Invalid status code: " + status));
    }
    int code = status == 0 ? 200 : (int) status;
    byte[] body;
    if (!spec.body().isEmpty()) {
      body = spec.body().getBytes(StandardCharsets.UTF_8);
    } else if (!spec.encodedBody().isEmpty()) {
      try {
        body = Base64.getDecoder().decode(spec.encodedBody());
      } catch (IllegalArgumentException e) {
        // the status line is already out when albedo finds the bad encoding
        body = text("invalid base64 encoding of response body");
      }
    } else {
      body = new byte[0];
    }
    return response(code, headers, body);
  }

  private BackendResponse response(int status, List<HeaderField> headers, byte[] body) {
    boolean bodyless = status < 200 || status == 204 || status == 304;
    if (bodyless) {
      body = new byte[0];
    }
    if (body.length > 0 && headers.stream().noneMatch(h -> h.named("Content-Type"))) {
      headers.add(new HeaderField("Content-Type", ContentSniffer.sniff(body)));
    }
    headers.add(new HeaderField("Date", HTTP_DATE.format(ZonedDateTime.now(clock))));
    if (!bodyless && headers.stream().noneMatch(h -> h.named("Content-Length"))) {
      headers.add(new HeaderField("Content-Length", Integer.toString(body.length)));
    }
    return new BackendResponse(status, headers, body);
  }

  private static String path(ParsedRequest request) {
    String path = request.path();
    int scheme = path.indexOf("://");
    if (!path.startsWith("/") && scheme > 0) {
      int slash = path.indexOf('/', scheme + 3);
      return slash < 0 ? "/" : path.substring(slash);
    }
    return path;
  }

  private static boolean isReflectPath(String path) {
    return path.equals("/reflect") || path.startsWith("/reflect/");
  }

  private static boolean isValidHeader(String name, String value) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c <= ' ' || c >= 0x7F || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
        return false;
      }
    }
    return value.indexOf('\r') < 0 && value.indexOf('\n') < 0 && value.indexOf('\0') < 0;
  }

  private static byte[] text(String message) {
    return message.getBytes(StandardCharsets.US_ASCII);
  }
}
