package dev.vpatch.ftw.http;

import dev.vpatch.engine.ByteStrings;
import dev.vpatch.ftw.model.HeaderField;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A small strict HTTP/1.1 request parser (RFC 9112) standing in for the web server in front of the
 * engine. It rejects what a careful server rejects before any rule runs: a malformed request line
 * (whitespace, control bytes or a fragment in the method or target, an unknown version syntax, HTTP/0.x
 * versions), obs-fold, header lines without a token name, NUL or bare CR in the head, a missing or
 * empty Host in HTTP/1.1, duplicate Host or Content-Length, a Content-Length that is not digits,
 * transfer codings other than chunked (501) and malformed chunks. A request line without a version
 * is an HTTP/0.9 simple request (GET only, no headers). When Transfer-Encoding and Content-Length
 * are both present, chunked framing wins and Content-Length is dropped from the request, as RFC 9112
 * section 6.3 asks of an intermediary (and as Apache does). Lines may end in CRLF or LF.
 */
public final class HttpRequestParser {
  public static final int MAX_LINE = 8192;
  public static final int MAX_HEADERS = 100;
  public static final long MAX_BODY = 64L * 1024 * 1024;

  private final byte[] data;
  private final int length;
  private int position;

  private HttpRequestParser(byte[] data, int length) {
    this.data = data;
    this.length = length;
  }

  public static ParseResult parse(byte[] data) {
    return parse(data, data.length);
  }

  /** Reads the request at the start of {@code data[0, length)}. */
  public static ParseResult parse(byte[] data, int length) {
    return new HttpRequestParser(data, length).request();
  }

  private ParseResult request() {
    while (position < length && (data[position] == '\r' || data[position] == '\n')) {
      position++;
    }
    int lineEnd = lineEnd();
    if (lineEnd < 0) {
      return length - position > MAX_LINE
          ? new ParseResult.Rejected(414, "request line too long")
          : new ParseResult.Incomplete(null, "request line incomplete", -1);
    }
    String line = line(lineEnd);
    if (line == null || line.length() > MAX_LINE) {
      return line == null
          ? new ParseResult.Rejected(400, "bare CR in request line")
          : new ParseResult.Rejected(414, "request line too long");
    }
    RequestLine requestLine = RequestLine.parse(line);
    if (requestLine.error() != null) {
      return new ParseResult.Rejected(requestLine.status(), requestLine.error());
    }
    if (requestLine.version().equals("HTTP/0.9")) {
      return new ParseResult.Complete(
          new ParsedRequest(requestLine.method(), requestLine.target(), "HTTP/0.9", List.of(), new byte[0], false),
          position);
    }
    List<HeaderField> headers = new ArrayList<>();
    while (true) {
      lineEnd = lineEnd();
      if (lineEnd < 0) {
        return length - position > MAX_LINE
            ? new ParseResult.Rejected(400, "header line too long")
            : new ParseResult.Incomplete(null, "request head incomplete", -1);
      }
      String headerLine = line(lineEnd);
      if (headerLine == null) {
        return new ParseResult.Rejected(400, "bare CR in header section");
      }
      if (headerLine.isEmpty()) {
        break;
      }
      ParseResult.Rejected problem = addHeader(headerLine, headers);
      if (problem != null) {
        return problem;
      }
    }
    ParsedRequest head = new ParsedRequest(
        requestLine.method(), requestLine.target(), requestLine.version(), headers, new byte[0], false);
    ParseResult.Rejected problem = checkHost(head);
    return problem != null ? problem : body(head);
  }

  private static ParseResult.Rejected addHeader(String line, List<HeaderField> headers) {
    if (line.length() > MAX_LINE) {
      return new ParseResult.Rejected(400, "header line too long");
    }
    if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
      return new ParseResult.Rejected(400, "obsolete line folding in header section");
    }
    int colon = line.indexOf(':');
    if (colon <= 0 || !Tokens.isToken(line, 0, colon)) {
      return new ParseResult.Rejected(400, "invalid header line: " + Tokens.printable(line));
    }
    String value = Tokens.trimWhitespace(line.substring(colon + 1));
    if (value.indexOf('\0') >= 0) {
      return new ParseResult.Rejected(400, "NUL byte in header " + line.substring(0, colon));
    }
    if (headers.size() >= MAX_HEADERS) {
      return new ParseResult.Rejected(400, "more than " + MAX_HEADERS + " header lines");
    }
    headers.add(new HeaderField(line.substring(0, colon), value));
    return null;
  }

  private static ParseResult.Rejected checkHost(ParsedRequest head) {
    List<String> hosts = values(head, "Host");
    if (hosts.size() > 1) {
      return new ParseResult.Rejected(400, "duplicate Host header");
    }
    boolean http11 = head.version().compareTo("HTTP/1.1") >= 0;
    if (hosts.isEmpty() || hosts.get(0).isEmpty()) {
      return http11 ? new ParseResult.Rejected(400, "HTTP/1.1 request without Host") : null;
    }
    String host = hosts.get(0);
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (c == '/' || c == '\\' || c == ' ' || c == '\t') {
        return new ParseResult.Rejected(400, "invalid Host header: " + Tokens.printable(host));
      }
    }
    return null;
  }

  private ParseResult body(ParsedRequest head) {
    List<String> codings = values(head, "Transfer-Encoding");
    if (!codings.isEmpty()) {
      if (codings.size() > 1 || !codings.get(0).equalsIgnoreCase("chunked")) {
        return new ParseResult.Rejected(501, "unsupported Transfer-Encoding: " + String.join(", ", codings));
      }
      return chunkedBody(withoutHeader(head, "Content-Length"));
    }
    List<String> lengths = values(head, "Content-Length");
    if (lengths.isEmpty()) {
      return new ParseResult.Complete(head, position);
    }
    if (lengths.size() > 1) {
      return new ParseResult.Rejected(400, "duplicate Content-Length header");
    }
    String text = lengths.get(0);
    if (text.isEmpty() || text.length() > 18 || !Tokens.isDigits(text)) {
      return new ParseResult.Rejected(400, "invalid Content-Length: " + Tokens.printable(text));
    }
    long contentLength = Long.parseLong(text);
    if (contentLength > MAX_BODY) {
      return new ParseResult.Rejected(413, "body larger than " + MAX_BODY + " bytes");
    }
    if (length - position < contentLength) {
      return new ParseResult.Incomplete(head, "body has " + (length - position) + " of "
          + contentLength + " bytes", position + contentLength);
    }
    byte[] body = java.util.Arrays.copyOfRange(data, position, position + (int) contentLength);
    return new ParseResult.Complete(head.withBody(body, false), position + (int) contentLength);
  }

  private ParseResult chunkedBody(ParsedRequest head) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      int lineEnd = lineEnd();
      if (lineEnd < 0) {
        return new ParseResult.Incomplete(head, "chunk size line incomplete", -1);
      }
      String sizeLine = line(lineEnd);
      if (sizeLine == null) {
        return new ParseResult.Rejected(400, "bare CR in chunk size line");
      }
      int extension = sizeLine.indexOf(';');
      String hex = Tokens.trimWhitespace(extension < 0 ? sizeLine : sizeLine.substring(0, extension));
      if (hex.isEmpty() || hex.length() > 15 || !Tokens.isHex(hex)) {
        return new ParseResult.Rejected(400, "invalid chunk size: " + Tokens.printable(sizeLine));
      }
      long size = Long.parseLong(hex, 16);
      if (body.size() + size > MAX_BODY) {
        return new ParseResult.Rejected(413, "body larger than " + MAX_BODY + " bytes");
      }
      if (size == 0) {
        return trailer(head, body.toByteArray());
      }
      if (length - position < size + 1) {
        return new ParseResult.Incomplete(head, "chunk incomplete", -1);
      }
      body.write(data, position, (int) size);
      position += (int) size;
      if (data[position] == '\r' && position + 1 < length && data[position + 1] == '\n') {
        position += 2;
      } else if (data[position] == '\n') {
        position += 1;
      } else if (data[position] == '\r' && position + 1 == length) {
        return new ParseResult.Incomplete(head, "chunk incomplete", -1);
      } else {
        return new ParseResult.Rejected(400, "chunk data not followed by CRLF");
      }
    }
  }

  private ParseResult trailer(ParsedRequest head, byte[] body) {
    while (true) {
      int lineEnd = lineEnd();
      if (lineEnd < 0) {
        return new ParseResult.Incomplete(head, "chunked trailer incomplete", -1);
      }
      String line = line(lineEnd);
      if (line == null) {
        return new ParseResult.Rejected(400, "bare CR in chunked trailer");
      }
      if (line.isEmpty()) {
        return new ParseResult.Complete(head.withBody(body, true), position);
      }
      ParseResult.Rejected problem = addHeader(line, new ArrayList<>());
      if (problem != null) {
        return problem;
      }
    }
  }

  private static ParsedRequest withoutHeader(ParsedRequest request, String name) {
    List<HeaderField> kept = new ArrayList<>(request.headers());
    kept.removeIf(header -> header.named(name));
    return new ParsedRequest(request.method(), request.target(), request.version(), kept, request.body(), request.chunked());
  }

  private static List<String> values(ParsedRequest request, String name) {
    List<String> values = new ArrayList<>();
    for (HeaderField header : request.headers()) {
      if (header.named(name)) {
        values.add(header.value());
      }
    }
    return values;
  }

  /** Index of the LF ending the line at {@code position}, or -1. */
  private int lineEnd() {
    for (int i = position; i < length; i++) {
      if (data[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** The line up to {@code lineEnd} without its CR, advancing past the LF; null when a bare CR is inside. */
  private String line(int lineEnd) {
    int end = lineEnd > position && data[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
    int start = position;
    position = lineEnd + 1;
    for (int i = start; i < end; i++) {
      if (data[i] == '\r') {
        return null;
      }
    }
    return ByteStrings.of(data, start, end - start);
  }
}
