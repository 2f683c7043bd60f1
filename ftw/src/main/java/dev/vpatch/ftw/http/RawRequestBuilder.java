package dev.vpatch.ftw.http;

import dev.vpatch.ftw.model.HeaderField;
import dev.vpatch.ftw.model.StageInput;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The exact bytes go-ftw sends for a stage. {@code encoded_request} is sent verbatim. Otherwise:
 * {@code METHOD SP URI SP VERSION CRLF}, the headers in order as {@code Name: value CRLF}, CRLF,
 * the body. With {@code autocomplete_headers} (the default) a body gets {@code Content-Type:
 * application/x-www-form-urlencoded} when it has none and its pairs are escaped (see
 * {@link FormUrlEncoding}); {@code Connection: close} is added when absent; {@code Content-Length}
 * is added when absent and the body is non-empty or the method looks like one with a body. A
 * multipart body has every LF turned into CRLF. Text is sent as UTF-8.
 */
public final class RawRequestBuilder {
  /** go-ftw's own (unanchored in the middle) regex {@code ^POST|PUT|PATCH|DELETE$}. */
  private static final Pattern METHOD_WITH_BODY = Pattern.compile("^POST|PUT|PATCH|DELETE$");

  private RawRequestBuilder() {}

  public static byte[] build(StageInput input) {
    if (input.encodedRequest() != null) {
      return input.encodedRequest().clone();
    }
    List<HeaderField> headers = new ArrayList<>(input.headers());
    byte[] body = body(input);
    if (body.length > 0 && input.autocompleteHeaders()) {
      if (!hasAny(headers, "Content-Type")) {
        headers.add(new HeaderField("Content-Type", "application/x-www-form-urlencoded"));
      }
      if (hasValue(headers, "Content-Type", "application/x-www-form-urlencoded")) {
        body = FormUrlEncoding.encodePairs(body);
      }
    }
    if (hasValueContaining(headers, "Content-Type", "multipart/form-data;")) {
      body = lfToCrlf(body);
    }
    if (input.autocompleteHeaders()) {
      if (!hasAny(headers, "Connection")) {
        headers.add(new HeaderField("Connection", "close"));
      }
      if (!hasAny(headers, "Content-Length")
          && (body.length > 0 || METHOD_WITH_BODY.matcher(input.method()).find())) {
        headers.add(new HeaderField("Content-Length", Integer.toString(body.length)));
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 + body.length);
    write(out, input.method() + " " + input.uri() + " " + input.version() + "\r\n");
    for (HeaderField header : headers) {
      write(out, header.name() + ": " + header.value() + "\r\n");
    }
    write(out, "\r\n");
    out.writeBytes(body);
    return out.toByteArray();
  }

  private static byte[] body(StageInput input) {
    if (input.data() != null) {
      return input.data().getBytes(StandardCharsets.UTF_8);
    }
    if (input.encodedData() != null) {
      return input.encodedData().clone();
    }
    return new byte[0];
  }

  private static boolean hasAny(List<HeaderField> headers, String name) {
    return headers.stream().anyMatch(h -> h.named(name));
  }

  private static boolean hasValue(List<HeaderField> headers, String name, String value) {
    return headers.stream().anyMatch(h -> h.named(name) && h.value().equalsIgnoreCase(value));
  }

  private static boolean hasValueContaining(List<HeaderField> headers, String name, String part) {
    return headers.stream()
        .anyMatch(h -> h.named(name) && h.value().toLowerCase(Locale.ROOT).contains(part));
  }

  private static byte[] lfToCrlf(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 64);
    for (byte b : body) {
      if (b == '\n') {
        out.write('\r');
      }
      out.write(b);
    }
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
