package dev.vpatch.ftw.backend;

import java.util.List;
import java.util.Locale;

/**
 * The Content-Type a Go net/http server (albedo) sets on a body it was given none for, after the
 * WHATWG sniffing rules Go implements: HTML and XML signatures, a few binary formats, otherwise
 * text/plain unless a byte that never appears in text is present.
 */
final class ContentSniffer {
  private static final List<String> HTML_TAGS = List.of(
      "<!DOCTYPE HTML", "<HTML", "<HEAD", "<SCRIPT", "<IFRAME", "<H1", "<DIV", "<FONT", "<TABLE",
      "<A", "<STYLE", "<TITLE", "<B", "<BODY", "<BR", "<P", "<!--");

  private ContentSniffer() {}

  static String sniff(byte[] body) {
    int length = Math.min(body.length, 512);
    int start = 0;
    while (start < length && isWhitespace(body[start])) {
      start++;
    }
    String head = new String(body, start, length - start, java.nio.charset.StandardCharsets.ISO_8859_1);
    String upper = head.toUpperCase(Locale.ROOT);
    for (String tag : HTML_TAGS) {
      if (upper.startsWith(tag) && upper.length() > tag.length()) {
        char after = upper.charAt(tag.length());
        if (after == ' ' || after == '>') {
          return "text/html; charset=utf-8";
        }
      }
    }
    if (head.startsWith("<?xml")) {
      return "text/xml; charset=utf-8";
    }
    String raw = new String(body, 0, length, java.nio.charset.StandardCharsets.ISO_8859_1);
    if (raw.startsWith("%PDF-")) {
      return "application/pdf";
    }
    if (raw.startsWith("%!PS-Adobe-")) {
      return "application/postscript";
    }
    if (raw.startsWith("GIF87a") || raw.startsWith("GIF89a")) {
      return "image/gif";
    }
    if (raw.startsWith("\u0089PNG\r\n\u001A\n")) {
      return "image/png";
    }
    if (raw.startsWith("\u00FF\u00D8\u00FF")) {
      return "image/jpeg";
    }
    if (raw.startsWith("PK\u0003\u0004")) {
      return "application/zip";
    }
    if (raw.startsWith("\u001F\u008B\u0008")) {
      return "application/x-gzip";
    }
    for (int i = 0; i < length; i++) {
      if (isBinary(body[i] & 0xFF)) {
        return "application/octet-stream";
      }
    }
    return "text/plain; charset=utf-8";
  }

  private static boolean isWhitespace(byte b) {
    return b == '\t' || b == '\n' || b == '\f' || b == '\r' || b == ' ';
  }

  private static boolean isBinary(int b) {
    return b <= 0x08 || b == 0x0B || (b >= 0x0E && b <= 0x1A) || (b >= 0x1C && b <= 0x1F);
  }
}
