package dev.vpatch.engine.bodies.multipart;

import dev.vpatch.engine.bodies.BodySink;

/**
 * Reads a part's {@code Content-Disposition: form-data; name="..."; filename="..."} value into the
 * part, exactly as strictly as ModSecurity: only {@code name} and {@code filename} parameters, each
 * at most once, quoted with {@code "} (or {@code '}, flagged) with only the quote and backslash
 * escapable, or a bare token. Returns ModSecurity's result code: positive when accepted, the
 * negative code used in its error message otherwise.
 */
final class ContentDisposition {
  private final String text;
  private final MultipartPart part;
  private final MultipartFlags flags;
  private final BodySink sink;
  private int p;

  private ContentDisposition(
      String text, MultipartPart part, MultipartFlags flags, BodySink sink) {
    this.text = text;
    this.part = part;
    this.flags = flags;
    this.sink = sink;
  }

  static int parse(String value, MultipartPart part, MultipartFlags flags, BodySink sink) {
    return new ContentDisposition(value, part, flags, sink).parse();
  }

  private boolean atEnd() {
    return p >= text.length();
  }

  private char current() {
    return text.charAt(p);
  }

  private void skipBlanks() {
    while (!atEnd() && (current() == ' ' || current() == '\t')) {
      p++;
    }
  }

  private int parse() {
    if (!text.startsWith("form-data")) {
      return -1;
    }
    p = "form-data".length();
    skipBlanks();
    if (atEnd()) {
      return 1;
    }
    if (current() != ';') {
      return -2;
    }
    p++;
    while (!atEnd()) {
      skipBlanks();
      if (atEnd()) {
        return -3;
      }
      int start = p;
      while (!atEnd() && current() != '=' && current() != '\t' && current() != ' ') {
        p++;
      }
      if (atEnd()) {
        return -4;
      }
      String parameter = text.substring(start, p);
      skipBlanks();
      if (atEnd()) {
        return -5;
      }
      if (current() != '=') {
        return -13;
      }
      p++;
      skipBlanks();
      if (atEnd()) {
        return -6;
      }
      String value;
      if (current() == '"' || current() == '\'') {
        char quote = current();
        if (quote == '\'') {
          flags.invalidQuoting = true;
        }
        p++;
        if (atEnd()) {
          return -7;
        }
        StringBuilder unquoted = new StringBuilder();
        while (!atEnd()) {
          char c = current();
          if (c == '\\') {
            if (p + 1 >= text.length()) {
              return -8;
            }
            char next = text.charAt(p + 1);
            if (next == quote || next == '\\') {
              p++;
            }
            // Any other escape is kept as is: browsers send such names.
          } else if (c == quote) {
            break;
          }
          unquoted.append(current());
          p++;
        }
        p++; // the closing quote
        value = unquoted.toString();
      } else {
        int tokenStart = p;
        while (!atEnd() && CType.isTokenChar(current())) {
          p++;
        }
        value = text.substring(tokenStart, p);
      }
      if (parameter.equals("name")) {
        sink.collection("MULTIPART_NAME", value, value);
        if (!part.name.isEmpty()) {
          return -14;
        }
        part.name = value;
      } else if (parameter.equals("filename")) {
        sink.collection("MULTIPART_FILENAME", value, value);
        if (!part.filename.isEmpty()) {
          return -15;
        }
        part.filename = value;
      } else {
        return -11;
      }
      if (!atEnd()) {
        skipBlanks();
        if (atEnd()) {
          return 1;
        }
        if (current() != ';') {
          char before = text.charAt(p - 1);
          if (before == '\'' || before == '"') {
            flags.invalidQuoting = true;
          }
          return -12;
        }
        p++;
      }
    }
    return 1;
  }
}
