package dev.vpatch.patches.importers;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The report formats {@code vpatch import --format} accepts, and detection from the content. */
public enum ReportFormat {
  ZAP,
  BURP,
  NUCLEI,
  ARACHNI,
  SARIF;

  public static ReportFormat parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("unknown report format '" + text + "': use zap, burp, nuclei, arachni or sarif");
    }
  }

  /**
   * The parser for a report. With {@code declared} null the format is detected from the content;
   * with a declared format, the content still picks between that scanner's layouts (ZAP XML/JSON/SARIF).
   */
  public static ReportParser parserFor(ReportFormat declared, byte[] content, String fileName)
      throws ReportFormatException {
    String head = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.UTF_8).stripLeading();
    if (head.startsWith("\uFEFF")) {
      head = head.substring(1).stripLeading();
    }
    if (head.isEmpty()) {
      return (bytes, name) -> java.util.List.of();
    }
    if (head.startsWith("<")) {
      if (declared == BURP || (declared == null && head.contains("<issues"))) {
        return new BurpXmlParser();
      }
      if (declared == null || declared == ZAP) {
        return new ZapXmlParser();
      }
      throw new ReportFormatException(fileName + ": an XML report cannot be " + declared.name().toLowerCase(Locale.ROOT)
          + " (XML reports: zap, burp)");
    }
    if (declared == NUCLEI || head.startsWith("[")) {
      return new NucleiParser();
    }
    if (!head.startsWith("{")) {
      throw new ReportFormatException(fileName + ": neither XML nor JSON: cannot tell the report format");
    }
    JsonNode firstObject = firstJsonObject(content, fileName);
    if (firstObject.has("runs")) {
      return new SarifParser();
    }
    if (firstObject.has("site")) {
      return new ZapJsonParser();
    }
    if (firstObject.has("issues")) {
      return new ArachniParser();
    }
    if (firstObject.has("template-id") || firstObject.has("templateID")) {
      return new NucleiParser();
    }
    throw new ReportFormatException(fileName + ": unknown JSON report: expected ZAP (\"site\"), SARIF (\"runs\"),"
        + " Arachni (\"issues\") or Nuclei (\"template-id\") fields");
  }

  private static JsonNode firstJsonObject(byte[] content, String fileName) throws ReportFormatException {
    String text = new String(content, StandardCharsets.UTF_8).strip();
    int newline = text.indexOf('\n');
    if (newline > 0) {
      String firstLine = text.substring(0, newline).strip();
      if (firstLine.startsWith("{") && firstLine.endsWith("}")) {
        try {
          JsonNode line = JsonReports.MAPPER.readTree(firstLine);
          if (line.has("template-id") || line.has("templateID")) {
            return line;
          }
        } catch (java.io.IOException e) {
          // not JSON Lines: read the whole document below
        }
      }
    }
    return JsonReports.read(content, fileName);
  }
}
