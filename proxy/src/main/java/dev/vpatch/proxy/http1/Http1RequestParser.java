package dev.vpatch.proxy.http1;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The proxy's only HTTP/1.x request parser. It accepts exactly one reading of the bytes and rejects
 * everything another parser could read differently (RFC 9112 framing, no leniency): bare CR or LF,
 * obs-fold, whitespace before a colon, control bytes in the head, duplicate or malformed
 * Content-Length, Transfer-Encoding other than a single {@code chunked}, both together, invalid
 * chunk sizes and chunk terminators. Header names and values are kept byte for byte (ISO-8859-1
 * strings) in their original order, so what the engine inspects is what gets forwarded.
 *
 * <p>Emits one {@link DefaultHttpRequest}, then body slices as {@link DefaultHttpContent}, then
 * {@link LastHttpContent#EMPTY_LAST_CONTENT}; after that it stops until {@link #reset()}. Body pieces
 * are copies, not slices: the caller compacts its input buffer while pieces may still be queued. Request
 * trailers are validated and dropped: nothing the engine did not see reaches the upstream.
 */
public final class Http1RequestParser {
  private enum State { HEAD, FIXED_BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, COMPLETE }

  private static final int MAX_LEADING_EMPTY_LINES = 4;
  private static final int MAX_CHUNK_SIZE_LINE = 1024;
  private static final int MAX_CHUNK_SIZE_HEX_DIGITS = 15;

  private final int maxRequestLineBytes;
  private final int maxHeaderBytes;
  private final int maxHeaderCount;
  private final long maxBodyBytes;

  /** Field positions whose name and value are remembered, and the longest value remembered. */
  private static final int RECENT_FIELDS = 64;
  private static final int MAX_RECENT_LENGTH = 512;
  /** Names and values are checked here (token, field-value grammar) before they are added, so Netty need not check them again. */
  private static final DefaultHttpHeadersFactory HEADERS =
      DefaultHttpHeadersFactory.headersFactory().withNameValidation(false).withValueValidation(false);

  private State state = State.HEAD;
  private int[] lineStarts = new int[32];
  private final FramingFields framing = new FramingFields();
  private final RecentFieldTexts recentNames = new RecentFieldTexts(RECENT_FIELDS, MAX_RECENT_LENGTH);
  private final RecentFieldTexts recentValues = new RecentFieldTexts(RECENT_FIELDS, MAX_RECENT_LENGTH);
  private int scanOffset;
  private int leadingEmptyLines;
  private long remaining;
  private long bodyBytes;

  public Http1RequestParser(int maxRequestLineBytes, int maxHeaderBytes, int maxHeaderCount, long maxBodyBytes) {
    this.maxRequestLineBytes = maxRequestLineBytes;
    this.maxHeaderBytes = maxHeaderBytes;
    this.maxHeaderCount = maxHeaderCount;
    this.maxBodyBytes = maxBodyBytes;
  }

  /** Whether the last request has been emitted completely; call {@link #reset()} for the next one. */
  public boolean complete() {
    return state == State.COMPLETE;
  }

  /** Whether no byte of a next request has been consumed yet. */
  public boolean betweenRequests() {
    return state == State.HEAD && scanOffset == 0;
  }

  public void reset() {
    state = State.HEAD;
    scanOffset = 0;
    leadingEmptyLines = 0;
    remaining = 0;
    bodyBytes = 0;
  }

  /**
   * Consumes what it can of {@code in} and appends parsed objects to {@code out}; returns when more
   * bytes are needed or the request is complete.
   */
  public void parse(ByteBuf in, List<HttpObject> out) throws FramingException {
    while (state != State.COMPLETE) {
      boolean progressed;
      switch (state) {
        case HEAD:
          progressed = parseHead(in, out);
          break;
        case FIXED_BODY:
          progressed = parseFixedBody(in, out);
          break;
        case CHUNK_SIZE:
          progressed = parseChunkSize(in);
          break;
        case CHUNK_DATA:
          progressed = parseChunkData(in, out);
          break;
        case CHUNK_END:
          progressed = parseChunkEnd(in);
          break;
        case TRAILERS:
          progressed = parseTrailers(in, out);
          break;
        default:
          throw new IllegalStateException(state.name());
      }
      if (!progressed) {
        return;
      }
    }
  }

  /**
   * Index of the CR of the first CRLF at or after {@code from}, or -1 when more bytes are needed.
   * A CR not followed by LF, or an LF not preceded by CR, is a framing error.
   */
  private static int findLineEnd(ByteBuf in, int from) throws FramingException {
    int end = in.writerIndex();
    for (int i = from; i < end; i++) {
      byte b = in.getByte(i);
      if (b == '\n') {
        throw new FramingException("bare LF in request head");
      }
      if (b == '\r') {
        if (i + 1 >= end) {
          return -1;
        }
        if (in.getByte(i + 1) != '\n') {
          throw new FramingException("bare CR in request head");
        }
        return i;
      }
    }
    return -1;
  }

  private boolean parseHead(ByteBuf in, List<HttpObject> out) throws FramingException {
    int start = in.readerIndex();
    while (true) {
      int lineStart = start + scanOffset;
      int lineEnd = findLineEnd(in, lineStart);
      if (lineEnd < 0) {
        checkHeadLimits(in.writerIndex() - start, scanOffset == 0);
        return false;
      }
      if (lineEnd == lineStart) {
        if (scanOffset == 0) {
          // RFC 9112 2.2: an empty line before the request line (after a body, say) is ignored.
          if (++leadingEmptyLines > MAX_LEADING_EMPTY_LINES) {
            throw new FramingException("too many empty lines before the request line");
          }
          in.skipBytes(2);
          start = in.readerIndex();
          continue;
        }
        // The head without the CRLF of its last field line; the empty line follows.
        DefaultHttpRequest request = buildRequest(in, start, lineEnd - 2);
        in.skipBytes(lineEnd + 2 - start);
        scanOffset = 0;
        out.add(request);
        return true;
      }
      if (scanOffset == 0 && lineEnd - lineStart > maxRequestLineBytes) {
        throw new FramingException(414, "request line longer than " + maxRequestLineBytes + " bytes");
      }
      scanOffset = lineEnd + 2 - start;
      checkHeadLimits(scanOffset, false);
    }
  }

  private void checkHeadLimits(int bytesSoFar, boolean inRequestLine) throws FramingException {
    if (inRequestLine && bytesSoFar > maxRequestLineBytes + 1) {
      throw new FramingException(414, "request line longer than " + maxRequestLineBytes + " bytes");
    }
    if (bytesSoFar > maxHeaderBytes) {
      throw new FramingException(431, "request head larger than " + maxHeaderBytes + " bytes");
    }
  }

  /**
   * Records where each line of the head {@code [start, end)} begins ({@link #lineStarts}); lines are
   * separated by CRLF, which the scan has already checked. Returns the number of lines.
   */
  private int findLines(ByteBuf in, int start, int end) {
    int count = 0;
    int lineStart = start;
    while (true) {
      if (count == lineStarts.length) {
        lineStarts = java.util.Arrays.copyOf(lineStarts, count * 2);
      }
      lineStarts[count++] = lineStart;
      int cr = in.indexOf(lineStart, end, (byte) '\r');
      if (cr < 0) {
        return count;
      }
      lineStart = cr + 2;
    }
  }

  /** End of line {@code i} of {@code count} (its CR, or the end of the head for the last). */
  private int lineEnd(int i, int count, int headEnd) {
    return i + 1 < count ? lineStarts[i + 1] - 2 : headEnd;
  }

  /** Builds the request from the head bytes {@code [start, end)}, reading names and values straight from the buffer. */
  private DefaultHttpRequest buildRequest(ByteBuf in, int start, int end) throws FramingException {
    int lines = findLines(in, start, end);
    if (lines - 1 > maxHeaderCount) {
      throw new FramingException(431, "more than " + maxHeaderCount + " header fields");
    }
    String requestLine = in.toString(start, lineEnd(0, lines, end) - start, StandardCharsets.ISO_8859_1);
    int firstSpace = requestLine.indexOf(' ');
    int lastSpace = requestLine.lastIndexOf(' ');
    if (firstSpace <= 0 || lastSpace == firstSpace) {
      throw new FramingException("malformed request line");
    }
    String method = requestLine.substring(0, firstSpace);
    String target = requestLine.substring(firstSpace + 1, lastSpace);
    String versionText = requestLine.substring(lastSpace + 1);
    if (!HttpGrammar.isToken(method) || method.length() > 32) {
      throw new FramingException("invalid method");
    }
    if (!HttpGrammar.isRequestTarget(target)) {
      throw new FramingException("invalid request target");
    }
    HttpVersion version = parseVersion(versionText);
    checkTargetForm(method, target);

    HttpHeaders headers = HEADERS.newHeaders();
    framing.clear();
    for (int i = 1; i < lines; i++) {
      addField(in, lineStarts[i], lineEnd(i, lines, end), headers, framing, i - 1);
    }
    // The method and target were checked above, more strictly than Netty would check them again.
    DefaultHttpRequest request = new DefaultHttpRequest(version, HttpMethod.valueOf(method), target, headers, false);
    decideFraming(version, framing);
    return request;
  }

  private static HttpVersion parseVersion(String text) throws FramingException {
    if (text.equals("HTTP/1.1")) {
      return HttpVersion.HTTP_1_1;
    }
    if (text.equals("HTTP/1.0")) {
      return HttpVersion.HTTP_1_0;
    }
    if (text.length() == 8 && text.startsWith("HTTP/") && Character.isDigit(text.charAt(5)) && text.charAt(6) == '.'
        && Character.isDigit(text.charAt(7))) {
      if (text.charAt(5) == '0') {
        // HTTP/0.9 request lines have no version field, so "HTTP/0.x" is malformed rather than unsupported
        throw new FramingException("invalid HTTP version " + text);
      }
      throw new FramingException(505, "HTTP version " + text + " not supported");
    }
    throw new FramingException("invalid HTTP version");
  }

  private static void checkTargetForm(String method, String target) throws FramingException {
    if (method.equals("CONNECT")) {
      // a malformed request stays a 400 whatever the proxy supports (RFC 9112 section 3.2.3)
      if (!isAuthorityForm(target)) {
        throw new FramingException("CONNECT target must be host:port");
      }
      throw new FramingException(405, "CONNECT is not supported by a reverse proxy");
    }
    if (target.charAt(0) == '/') {
      return;
    }
    if (target.equals("*")) {
      if (!method.equals("OPTIONS")) {
        throw new FramingException("asterisk-form target is only valid with OPTIONS");
      }
      return;
    }
    String lower = target.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
      throw new FramingException("request target must be origin-form or absolute-form");
    }
  }

  private static boolean isAuthorityForm(String target) {
    int colon = target.lastIndexOf(':');
    if (colon <= 0 || colon == target.length() - 1 || target.length() - colon - 1 > 5 || target.indexOf('/') >= 0) {
      return false;
    }
    for (int i = colon + 1; i < target.length(); i++) {
      if (!Character.isDigit(target.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** The framing fields of one head, counted while its fields are read (no lookups afterwards). */
  private static final class FramingFields {
    int hosts;
    String host;
    int lengths;
    String length;
    int codings;
    String coding;

    void clear() {
      hosts = 0;
      host = null;
      lengths = 0;
      length = null;
      codings = 0;
      coding = null;
    }

    void note(String name, String value) {
      switch (name.length()) {
        case 4:
          if (name.equalsIgnoreCase("host") && hosts++ == 0) {
            host = value;
          }
          break;
        case 14:
          if (name.equalsIgnoreCase("content-length") && lengths++ == 0) {
            length = value;
          }
          break;
        case 17:
          if (name.equalsIgnoreCase("transfer-encoding") && codings++ == 0) {
            coding = value;
          }
          break;
        default:
          break;
      }
    }
  }

  /**
   * Reads the field line {@code [start, end)} of {@code in}; {@code framing} is null for trailers,
   * {@code position} the field's index in the head (negative: not remembered).
   */
  private void addField(ByteBuf in, int start, int end, HttpHeaders headers, FramingFields framing, int position)
      throws FramingException {
    if (HttpGrammar.isOws((char) in.getByte(start))) {
      throw new FramingException("obsolete line folding in header");
    }
    int colon = in.indexOf(start, end, (byte) ':');
    if (colon < 0) {
      throw new FramingException("header line without colon");
    }
    String name = recentNames.match(in, start, colon - start, position);
    if (name == null) {
      name = RecentFieldTexts.decode(in, start, colon - start);
      if (!HttpGrammar.isToken(name)) {
        throw new FramingException(name.isEmpty() ? "empty header name"
            : HttpGrammar.isOws(name.charAt(name.length() - 1)) ? "whitespace before colon in header" : "invalid header name");
      }
      recentNames.remember(position, name);
    }
    int valueStart = colon + 1;
    int valueEnd = end;
    while (valueStart < valueEnd && HttpGrammar.isOws((char) in.getByte(valueStart))) {
      valueStart++;
    }
    while (valueEnd > valueStart && HttpGrammar.isOws((char) in.getByte(valueEnd - 1))) {
      valueEnd--;
    }
    String value = recentValues.match(in, valueStart, valueEnd - valueStart, position);
    if (value == null) {
      value = RecentFieldTexts.decode(in, valueStart, valueEnd - valueStart);
      if (!HttpGrammar.isFieldValue(value)) {
        throw new FramingException("control character in value of header " + name);
      }
      recentValues.remember(position, value);
    }
    headers.add(name, value);
    if (framing != null) {
      framing.note(name, value);
    }
  }

  private void decideFraming(HttpVersion version, FramingFields fields) throws FramingException {
    if (fields.hosts > 1) {
      throw new FramingException("more than one Host header");
    }
    if (fields.hosts == 0 && version == HttpVersion.HTTP_1_1) {
      throw new FramingException("HTTP/1.1 request without Host header");
    }
    if (fields.hosts == 1 && !HttpGrammar.isHostValue(fields.host)) {
      throw new FramingException("invalid Host header");
    }
    if (fields.lengths > 1) {
      throw new FramingException("more than one Content-Length header");
    }
    if (fields.codings > 1) {
      throw new FramingException("more than one Transfer-Encoding header");
    }
    if (fields.lengths > 0 && fields.codings > 0) {
      throw new FramingException("both Content-Length and Transfer-Encoding");
    }
    if (fields.codings > 0) {
      if (version != HttpVersion.HTTP_1_1) {
        throw new FramingException("Transfer-Encoding in an HTTP/1.0 request");
      }
      if (!fields.coding.equalsIgnoreCase("chunked")) {
        throw new FramingException("Transfer-Encoding other than chunked");
      }
      state = State.CHUNK_SIZE;
      return;
    }
    if (fields.lengths > 0) {
      remaining = parseContentLength(fields.length);
      if (remaining > maxBodyBytes) {
        throw new FramingException(413, "request body larger than " + maxBodyBytes + " bytes");
      }
      state = remaining == 0 ? State.COMPLETE : State.FIXED_BODY;
      return;
    }
    state = State.COMPLETE;
  }

  private static long parseContentLength(String value) throws FramingException {
    if (value.isEmpty() || value.length() > 18) {
      throw new FramingException("invalid Content-Length");
    }
    long length = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        throw new FramingException("invalid Content-Length");
      }
      length = length * 10 + (c - '0');
    }
    return length;
  }

  private boolean parseFixedBody(ByteBuf in, List<HttpObject> out) {
    int available = (int) Math.min(remaining, in.readableBytes());
    if (available == 0) {
      return false;
    }
    out.add(new DefaultHttpContent(bodyPiece(in, available)));
    remaining -= available;
    if (remaining == 0) {
      out.add(LastHttpContent.EMPTY_LAST_CONTENT);
      state = State.COMPLETE;
    }
    return true;
  }

  /**
   * A copy of the next {@code length} bytes in a direct buffer: the input buffer may be a heap one
   * (cheap to decode heads from), while socket writes want direct memory.
   */
  private static ByteBuf bodyPiece(ByteBuf in, int length) {
    ByteBuf piece = in.alloc().directBuffer(length);
    in.readBytes(piece, length);
    return piece;
  }

  private boolean parseChunkSize(ByteBuf in) throws FramingException {
    int start = in.readerIndex();
    int lineEnd = findChunkLineEnd(in, start);
    if (lineEnd < 0) {
      if (in.readableBytes() > MAX_CHUNK_SIZE_LINE) {
        throw new FramingException("chunk size line too long");
      }
      return false;
    }
    long size = 0;
    int i = start;
    while (i < lineEnd) {
      int digit = HttpGrammar.hexValue(in.getByte(i));
      if (digit < 0) {
        break;
      }
      if (i - start >= MAX_CHUNK_SIZE_HEX_DIGITS) {
        throw new FramingException("chunk size too large");
      }
      size = size * 16 + digit;
      i++;
    }
    if (i == start) {
      throw new FramingException("invalid chunk size");
    }
    checkChunkExtensions(in, i, lineEnd);
    in.skipBytes(lineEnd + 2 - start);
    bodyBytes += size;
    if (bodyBytes > maxBodyBytes) {
      throw new FramingException(413, "request body larger than " + maxBodyBytes + " bytes");
    }
    if (size == 0) {
      state = State.TRAILERS;
    } else {
      remaining = size;
      state = State.CHUNK_DATA;
    }
    return true;
  }

  private static int findChunkLineEnd(ByteBuf in, int from) throws FramingException {
    int end = in.writerIndex();
    for (int i = from; i < end; i++) {
      byte b = in.getByte(i);
      if (b == '\n') {
        throw new FramingException("bare LF in chunk size line");
      }
      if (b == '\r') {
        if (i + 1 >= end) {
          return -1;
        }
        if (in.getByte(i + 1) != '\n') {
          throw new FramingException("bare CR in chunk size line");
        }
        return i;
      }
    }
    return -1;
  }

  /** Only {@code BWS ";" ext} may follow the size; extension bytes must be visible ASCII, SP or HTAB. */
  private static void checkChunkExtensions(ByteBuf in, int from, int lineEnd) throws FramingException {
    int i = from;
    while (i < lineEnd && HttpGrammar.isOws((char) in.getByte(i))) {
      i++;
    }
    if (i == lineEnd) {
      if (i != from) {
        throw new FramingException("whitespace after chunk size");
      }
      return;
    }
    if (in.getByte(i) != ';') {
      throw new FramingException("invalid chunk size");
    }
    for (; i < lineEnd; i++) {
      int b = in.getByte(i) & 0xFF;
      if ((b < 0x20 && b != '\t') || b >= 0x7F) {
        throw new FramingException("invalid chunk extension");
      }
    }
  }

  private boolean parseChunkData(ByteBuf in, List<HttpObject> out) {
    int available = (int) Math.min(remaining, in.readableBytes());
    if (available == 0) {
      return false;
    }
    out.add(new DefaultHttpContent(bodyPiece(in, available)));
    remaining -= available;
    if (remaining == 0) {
      state = State.CHUNK_END;
    }
    return true;
  }

  private boolean parseChunkEnd(ByteBuf in) throws FramingException {
    if (in.readableBytes() < 2) {
      if (in.readableBytes() == 1 && in.getByte(in.readerIndex()) != '\r') {
        throw new FramingException("chunk data not followed by CRLF");
      }
      return false;
    }
    if (in.getByte(in.readerIndex()) != '\r' || in.getByte(in.readerIndex() + 1) != '\n') {
      throw new FramingException("chunk data not followed by CRLF");
    }
    in.skipBytes(2);
    state = State.CHUNK_SIZE;
    return true;
  }

  private boolean parseTrailers(ByteBuf in, List<HttpObject> out) throws FramingException {
    int start = in.readerIndex();
    HttpHeaders discarded = DefaultHttpHeadersFactory.trailersFactory().withValidation(false).newHeaders();
    while (true) {
      int lineStart = start + scanOffset;
      int lineEnd = findLineEnd(in, lineStart);
      if (lineEnd < 0) {
        if (in.writerIndex() - start > maxHeaderBytes) {
          throw new FramingException(431, "trailer section larger than " + maxHeaderBytes + " bytes");
        }
        return false;
      }
      if (lineEnd == lineStart) {
        in.skipBytes(lineEnd + 2 - start);
        scanOffset = 0;
        out.add(LastHttpContent.EMPTY_LAST_CONTENT);
        state = State.COMPLETE;
        return true;
      }
      addField(in, lineStart, lineEnd, discarded, null, -1);
      scanOffset = lineEnd + 2 - start;
    }
  }
}
