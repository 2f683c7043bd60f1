package dev.vpatch.engine.bodies.multipart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One part of a multipart body while it is being read. All strings are byte strings. */
final class MultipartPart {
  enum Type {
    UNKNOWN,
    FORM_DATA,
    FILE
  }

  /** A part header: its value as parsed, and the line as it appears in MULTIPART_PART_HEADERS. */
  static final class Header {
    String value;
    String line;

    Header(String value, String line) {
      this.value = value;
      this.line = line;
    }
  }

  Type type = Type.UNKNOWN;
  String name = "";
  String filename = "";
  /** Keyed by lower-case header name, in arrival order. */
  final Map<String, Header> headers = new LinkedHashMap<>();
  /** Lower-case name of the header a folded line continues, or "" when none. */
  String lastHeaderName = "";
  final StringBuilder value = new StringBuilder();
  long fileSize;

  Header header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  List<String> headerLines() {
    List<String> lines = new ArrayList<>(headers.size());
    for (Header header : headers.values()) {
      lines.add(header.line);
    }
    return lines;
  }
}
