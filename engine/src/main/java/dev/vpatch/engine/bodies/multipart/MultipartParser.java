package dev.vpatch.engine.bodies.multipart;

import dev.vpatch.engine.ByteStrings;
import dev.vpatch.engine.bodies.BodySink;
import java.util.ArrayList;
import java.util.List;

/**
 * One multipart body, read line by line through a fixed 4 KiB buffer the way libmodsecurity 3
 * does, because its results depend on it: lines longer than the buffer are cut into chunks that
 * never count as boundaries, a form field's value loses its line breaks, header lines may not
 * exceed the buffer, and our boundary is not recognised while a part's headers are being read (the
 * line is taken as a malformed header and the part flagged invalid). Errors in part headers are
 * reported but do not stop parsing; only malformed boundary lines do.
 */
final class MultipartParser {
  static final int BUFFER_SIZE = 4096;

  /** What a line starting with "--" turned out to be. */
  private enum DashLine {
    BOUNDARY,
    OTHER,
    /** A malformed boundary: parsing stops. */
    MALFORMED
  }

  private final BodySink sink;
  private final MultipartFlags flags = new MultipartFlags();
  private final byte[] boundary;
  private final DashBoundaryFinder dashBoundary;

  private final byte[] buffer = new byte[BUFFER_SIZE];
  private int bufferLength;
  /** Whether the buffer starts at the beginning of a line (not a continuation of a long one). */
  private boolean bufferStartsLine = true;

  private MultipartPart part;
  private boolean readingHeaders;
  /** Line-ending bytes held back from the previous data line: part of the data unless a boundary follows. */
  private int reservedLineEnding;
  private final List<MultipartPart> parts = new ArrayList<>();

  private boolean seenData;
  private boolean complete;
  private int boundaryCount;
  private String error;

  MultipartParser(MultipartContentType contentType, BodySink sink) {
    this.sink = sink;
    this.boundary = contentType.boundary == null ? null : ByteStrings.bytes(contentType.boundary);
    this.dashBoundary = boundary == null ? null : new DashBoundaryFinder(boundary);
    flags.boundaryQuoted = contentType.quoted;
    flags.boundaryWhitespace = contentType.whitespace;
    flags.missingSemicolon = contentType.missingSemicolon;
    flags.error = contentType.rejectedWithError();
    error = contentType.error;
  }

  /** Feeds the whole body (only when the Content-Type gave a boundary). */
  void process(byte[] body, int length) {
    if (boundary == null || length == 0) {
      return;
    }
    seenData = true;
    int position = 0;
    while (position < length) {
      byte c = body[position];
      boolean flushBeforeCarriageReturn = false;
      if (c == '\r' && bufferLength == BUFFER_SIZE - 1) {
        // A CR never ends a full buffer: it may start the CRLF of a boundary line.
        flushBeforeCarriageReturn = true;
      } else {
        buffer[bufferLength++] = c;
        position++;
      }
      if (c == '\n' || bufferLength == BUFFER_SIZE || flushBeforeCarriageReturn) {
        boolean bufferFull = bufferLength == BUFFER_SIZE || flushBeforeCarriageReturn;
        if (!processBuffer(bufferFull)) {
          return;
        }
        bufferLength = 0;
        bufferStartsLine = c == '\n';
      }
      if (complete && position < length) {
        flags.dataAfter = true;
        return;
      }
    }
  }

  /** Ends the body: reports flags, then the parts if the final boundary was seen. */
  void finish() {
    flags.report(sink);
    if (seenData && !complete) {
      if (boundaryCount > 0) {
        if (bufferStartsLine && isUnterminatedFinalBoundary()) {
          finishPart(true);
          complete = true;
        }
        if (!complete) {
          error = "Multipart: Final boundary missing.";
        }
      } else {
        error = "Multipart: No boundaries found in payload.";
      }
    }
    if (complete || !seenData) {
      reportParts();
    }
    if (error != null) {
      sink.error("Multipart parsing error: " + error);
    }
  }

  private void reportParts() {
    long combinedSize = 0;
    boolean anyFile = false;
    for (MultipartPart finished : parts) {
      if (finished.type == MultipartPart.Type.FILE) {
        anyFile = true;
        combinedSize += finished.fileSize;
        sink.collection("FILES", finished.name, finished.filename);
        sink.collection("FILES_NAMES", finished.name, finished.name);
        sink.collection("FILES_SIZES", finished.name, Long.toString(finished.fileSize));
      } else {
        sink.argument(finished.name, finished.value.toString());
      }
    }
    if (anyFile) {
      sink.scalar("FILES_COMBINED_SIZE", Long.toString(combinedSize));
    }
  }

  private boolean isUnterminatedFinalBoundary() {
    return bufferLength == boundary.length + 4
        && buffer[0] == '-'
        && buffer[1] == '-'
        && dashBoundary.boundaryAt(buffer, bufferLength, 2)
        && buffer[boundary.length + 2] == '-'
        && buffer[boundary.length + 3] == '-';
  }

  /** Handles one line (or chunk of a long line). Returns false when parsing must stop. */
  private boolean processBuffer(boolean bufferFull) {
    if (bufferStartsLine && cLength() > 3 && buffer[0] == '-' && buffer[1] == '-') {
      DashLine line = processDashLine();
      if (line == DashLine.MALFORMED) {
        return false;
      }
      if (line == DashLine.BOUNDARY) {
        return true;
      }
    } else if (bufferStartsLine && dashBoundary.foundIn(buffer, bufferLength)) {
      flags.unmatchedBoundary = 1;
    }
    if (part == null) {
      flags.dataBefore = true;
    } else if (readingHeaders) {
      if (bufferFull) {
        flags.error = true;
        error = "Multipart: Part header line over " + BUFFER_SIZE + " bytes long";
        return false;
      }
      processHeaderLine();
    } else {
      processDataLine();
    }
    return true;
  }

  /** Handles a line starting with "--" if it is one of our boundaries. */
  private DashLine processDashLine() {
    int length = cLength();
    if (length >= boundary.length + 2 && dashBoundary.boundaryAt(buffer, length, 2)) {
      if (part != null && readingHeaders) {
        flags.invalidPart = true;
        return DashLine.OTHER;
      }
      int end = boundary.length + 2;
      if (boundaryCount > 0) {
        flags.unmatchedBoundary = 2;
      }
      boolean last = false;
      if (byteAt(end, length) == '-' && byteAt(end + 1, length) == '-') {
        last = true;
        end += 2;
        if (complete) {
          flags.error = true;
          error = "Multipart: Invalid boundary (final duplicate).";
          return DashLine.MALFORMED;
        }
      }
      boolean crlf = byteAt(end, length) == '\r' && byteAt(end + 1, length) == '\n' && end + 2 == length;
      boolean lf = byteAt(end, length) == '\n' && end + 1 == length;
      if (!crlf && !lf) {
        flags.error = true;
        error = "Multipart: Invalid boundary: " + ByteStrings.of(buffer, 0, length);
        return DashLine.MALFORMED;
      }
      if (lf) {
        flags.lfLine = true;
      } else {
        flags.crlfLine = true;
      }
      finishPart(last);
      if (last) {
        complete = true;
      }
      boundaryCount++;
      return DashLine.BOUNDARY;
    }
    if (flags.boundaryQuoted
        && length >= boundary.length + 3
        && buffer[2] == '"'
        && dashBoundary.boundaryAt(buffer, length, 3)) {
      flags.error = true;
      error = "Multipart: Invalid boundary (quotes).";
      return DashLine.MALFORMED;
    }
    int p = 2;
    while (p < length && CType.isSpace(buffer[p])) {
      p++;
    }
    if (p != 2 && dashBoundary.boundaryAt(buffer, length, p)) {
      flags.error = true;
      error = "Multipart: Invalid boundary (whitespace).";
      return DashLine.MALFORMED;
    }
    flags.unmatchedBoundary = 1;
    return DashLine.OTHER;
  }

  /** The buffer's length as a C string: up to the first NUL byte. */
  private int cLength() {
    for (int i = 0; i < bufferLength; i++) {
      if (buffer[i] == 0) {
        return i;
      }
    }
    return bufferLength;
  }

  private int byteAt(int index, int length) {
    return index < length ? buffer[index] : 0;
  }

  private void finishPart(boolean last) {
    if (part != null) {
      if (!part.name.isEmpty()) {
        parts.add(part);
        for (String line : part.headerLines()) {
          sink.collection("MULTIPART_PART_HEADERS", part.name, line);
        }
      } else {
        flags.invalidPart = true;
      }
      part = null;
    }
    if (!last) {
      part = new MultipartPart();
      readingHeaders = true;
      reservedLineEnding = 0;
    }
  }

  private void processHeaderLine() {
    int length = bufferLength;
    for (int i = 0; i < length; i++) {
      if (buffer[i] == 0) {
        error = "Multipart: Nul byte in part headers.";
        return;
      }
    }
    if (length > 1 && buffer[length - 2] == '\r') {
      flags.crlfLine = true;
    } else {
      flags.lfLine = true;
    }
    boolean emptyLine =
        (length == 2 && buffer[0] == '\r' && buffer[1] == '\n') || (length == 1 && buffer[0] == '\n');
    if (emptyLine) {
      endHeaders();
    } else if (CType.isSpace(buffer[0])) {
      continueFoldedHeader(length);
    } else {
      addHeader(length);
    }
  }

  private void endHeaders() {
    MultipartPart.Header disposition = part.header("Content-Disposition");
    if (disposition == null) {
      error = "Multipart: Part missing Content-Disposition header.";
      return;
    }
    int result = ContentDisposition.parse(disposition.value, part, flags, sink);
    if (result < 0) {
      error = "Multipart: Invalid Content-Disposition header (" + result + "): " + disposition.value;
      return;
    }
    if (part.name.isEmpty()) {
      error = "Multipart: Content-Disposition header missing name field.";
      return;
    }
    if (!part.filename.isEmpty()) {
      // A crude parser elsewhere might miss a filename we understood.
      if (!disposition.value.contains("filename=")) {
        error = "Multipart: Invalid Content-Disposition header (filename).";
        return;
      }
      part.type = MultipartPart.Type.FILE;
    } else {
      part.type = MultipartPart.Type.FORM_DATA;
    }
    readingHeaders = false;
    part.lastHeaderName = "";
  }

  private void continueFoldedHeader(int length) {
    flags.headerFolding = true;
    if (buffer[0] != '\t' && buffer[0] != ' ') {
      flags.invalidHeaderFolding = true;
    }
    if (part.lastHeaderName.isEmpty()) {
      error = "Multipart: Invalid part header (folding error).";
      return;
    }
    int start = 0;
    while (start < length && CType.isSpace(buffer[start])) {
      if (buffer[start] != '\t' && buffer[start] != ' ') {
        flags.invalidHeaderFolding = true;
      }
      start++;
    }
    String continuation = chomp(ByteStrings.of(buffer, start, length - start));
    MultipartPart.Header header = part.headers.get(part.lastHeaderName);
    header.value = header.value + " " + continuation;
    header.line = header.line + " " + continuation;
    if (header.value.length() > BUFFER_SIZE) {
      error = "Multipart: Part header too long.";
    }
  }

  private void addHeader(int length) {
    int colon = -1;
    for (int i = 0; i < length; i++) {
      if (buffer[i] == ':') {
        colon = i;
        break;
      }
    }
    if (colon < 0) {
      error = "Multipart: Invalid part header (colon missing): " + ByteStrings.of(buffer, 0, length);
      return;
    }
    if (colon == 0) {
      error = "Multipart: Invalid part header (header name missing).";
      return;
    }
    String name = ByteStrings.of(buffer, 0, colon);
    int start = colon + 1;
    while (start < length && (buffer[start] == ' ' || buffer[start] == '\t')) {
      start++;
    }
    String value = chomp(ByteStrings.of(buffer, start, length - start));
    if (part.header(name) != null) {
      return; // ModSecurity keeps the first of duplicate part headers, silently.
    }
    String key = name.toLowerCase(java.util.Locale.ROOT);
    part.lastHeaderName = key;
    part.headers.put(key, new MultipartPart.Header(value, chomp(ByteStrings.of(buffer, 0, length))));
  }

  private void processDataLine() {
    int length = bufferLength;
    int lineEnding = 0;
    if (length >= 1 && buffer[length - 1] == '\n') {
      lineEnding = length >= 2 && buffer[length - 2] == '\r' ? 2 : 1;
    }
    int dataLength = length - lineEnding;
    if (part.type == MultipartPart.Type.FILE) {
      part.fileSize += dataLength + reservedLineEnding;
    } else {
      // libmodsecurity 3 drops the held-back line ending of form fields: "a\r\nb" arrives as "ab".
      part.value.append(ByteStrings.of(buffer, 0, dataLength));
    }
    reservedLineEnding = lineEnding;
  }

  /** Removes trailing CR and LF characters, unless the text is nothing but them (as C's chomp). */
  private static String chomp(String text) {
    int end = text.length();
    while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return end == 0 ? text : text.substring(0, end);
  }
}
