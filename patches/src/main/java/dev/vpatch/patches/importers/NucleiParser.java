package dev.vpatch.patches.importers;

import static dev.vpatch.patches.importers.JsonReports.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vpatch.store.model.PocRequest;
import dev.vpatch.store.model.Severity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Nuclei output: a JSON array (nuclei v3 {@code -json-export}) or JSON Lines ({@code -jsonl}), with
 * both the v3 ({@code template-id}, {@code matched-at}) and v2 ({@code templateID}, {@code matched})
 * field names. An empty file is a scan without findings.
 */
public final class NucleiParser implements ReportParser {
  private static final Pattern CWE = Pattern.compile("(?i)cwe-(\\d+)");

  @Override
  public List<ScannerFinding> parse(byte[] content, String fileName) throws ReportFormatException {
    String text = new String(content, StandardCharsets.UTF_8).strip();
    List<ScannerFinding> findings = new ArrayList<>();
    if (text.isEmpty()) {
      return findings;
    }
    if (text.startsWith("[")) {
      JsonNode array = JsonReports.read(content, fileName);
      int index = 0;
      for (JsonNode node : array) {
        findings.add(finding(node, fileName + "[" + index++ + "]"));
      }
      return findings;
    }
    String[] lines = text.split("\r?\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      String where = fileName + ":" + (i + 1);
      JsonNode node = JsonReports.read(lines[i].getBytes(StandardCharsets.UTF_8), where);
      findings.add(finding(node, where));
    }
    return findings;
  }

  private static ScannerFinding finding(JsonNode node, String where) throws ReportFormatException {
    if (!node.isObject()) {
      throw new ReportFormatException(where + ": a Nuclei result must be a JSON object");
    }
    String templateId = text(node, "template-id") != null ? text(node, "template-id") : text(node, "templateID");
    JsonNode info = node.path("info");
    if (templateId == null || info.isMissingNode()) {
      throw new ReportFormatException(where + ": not a Nuclei result (no template-id/templateID or info)");
    }
    Severity severity = SeverityWords.parse(text(info, "severity"));
    JsonNode classification = info.path("classification");
    Integer cwe = null;
    Matcher cweMatch = CWE.matcher(classification.path("cwe-id").toString());
    if (cweMatch.find()) {
      cwe = Integer.valueOf(cweMatch.group(1));
    }
    String cve = firstCve(classification.path("cve-id"));
    String matched = text(node, "matched-at") != null ? text(node, "matched-at") : text(node, "matched");
    String type = text(node, "type");
    PocRequest request = "http".equals(type) ? RawHttpRequest.parse(text(node, "request")) : null;
    return new ScannerFinding("nuclei", templateId, templateId, text(info, "name"), severity,
        severity == Severity.INFO, false, cwe, cve, request == null ? "GET" : request.method(),
        "http".equals(type) ? matched : null, null, null, null, request, text(info, "description"), tags(info.path("tags")));
  }

  private static List<String> tags(JsonNode tags) {
    List<String> result = new ArrayList<>();
    if (tags.isArray()) {
      tags.forEach(tag -> result.add(tag.asText()));
    } else if (tags.isTextual()) {
      for (String tag : tags.asText().split(",")) {
        result.add(tag.trim());
      }
    }
    return result;
  }

  private static String firstCve(JsonNode cves) {
    if (cves.isArray() && cves.size() > 0) {
      return cves.get(0).asText();
    }
    return cves.isTextual() ? cves.asText() : null;
  }

}
