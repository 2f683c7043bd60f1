package dev.vpatch.patches.importers;

import static dev.vpatch.patches.importers.JsonReports.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vpatch.store.model.PocRequest;
import dev.vpatch.store.model.Severity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SARIF 2.1.0 from web scanners (ZAP writes it): results[].ruleId is the scanner's rule (ZAP plugin
 * id), the CWE comes from the rule's relationship to the CWE taxonomy, the request from webRequest.
 */
public final class SarifParser implements ReportParser {
  @Override
  public List<ScannerFinding> parse(byte[] content, String fileName) throws ReportFormatException {
    JsonNode root = JsonReports.read(content, fileName);
    if (!root.isObject() || !root.has("runs")) {
      throw new ReportFormatException(fileName + ": not a SARIF log (no top-level \"runs\")");
    }
    List<ScannerFinding> findings = new ArrayList<>();
    for (JsonNode run : JsonReports.array(root, "runs", fileName, "$")) {
      JsonNode driver = run.path("tool").path("driver");
      String tool = text(driver, "name") == null ? "sarif" : toolName(text(driver, "name"));
      Map<String, JsonNode> rules = new HashMap<>();
      for (JsonNode rule : driver.path("rules")) {
        rules.put(text(rule, "id"), rule);
      }
      for (JsonNode result : JsonReports.array(run, "results", fileName, "runs[]")) {
        findings.add(finding(result, rules, tool));
      }
    }
    return findings;
  }

  private static ScannerFinding finding(JsonNode result, Map<String, JsonNode> rules, String tool)
      throws ReportFormatException {
    String ruleId = text(result, "ruleId");
    if (ruleId == null) {
      throw new ReportFormatException("a SARIF result has no \"ruleId\"");
    }
    JsonNode rule = rules.get(ruleId);
    JsonNode location = result.path("locations").path(0);
    String url = text(location.path("physicalLocation").path("artifactLocation"), "uri");
    String attack = text(location.path("properties"), "attack");
    JsonNode web = result.get("webRequest");
    PocRequest request = web == null ? null : request(web);
    String method = request == null ? "GET" : request.method();
    String level = text(result, "level");
    Severity severity = severity(level);
    return new ScannerFinding(tool, ruleId, ruleId, rule == null ? ruleId : text(rule, "name"), severity,
        severity == Severity.INFO, false, cwe(rule), null, method, url != null ? url : text(web, "target"), null,
        null, attack, request, text(result.path("message"), "text"), null);
  }

  private static PocRequest request(JsonNode web) {
    String target = text(web, "target");
    StringBuilder headers = new StringBuilder();
    JsonNode headerNode = web.path("headers");
    for (Iterator<Map.Entry<String, JsonNode>> it = headerNode.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> header = it.next();
      headers.append(headers.length() == 0 ? "" : "\n").append(header.getKey()).append(": ")
          .append(header.getValue().asText());
    }
    JsonNode body = web.path("body");
    String bodyText = "";
    if (text(body, "text") != null) {
      bodyText = text(body, "text");
    } else if (text(body, "binary") != null) {
      try {
        bodyText = new String(Base64.getDecoder().decode(text(body, "binary")), StandardCharsets.ISO_8859_1);
      } catch (IllegalArgumentException e) {
        bodyText = "";
      }
    }
    return new PocRequest(text(web, "method"), target == null ? "/" : RawHttpRequest.requestTarget(target),
        headers.toString(), bodyText);
  }

  private static Integer cwe(JsonNode rule) {
    if (rule == null) {
      return null;
    }
    for (JsonNode relationship : rule.path("relationships")) {
      JsonNode target = relationship.path("target");
      if ("CWE".equalsIgnoreCase(text(target.path("toolComponent"), "name"))) {
        return ZapFindings.positiveInt(text(target, "id"));
      }
    }
    return null;
  }

  private static Severity severity(String level) {
    switch (level == null ? "warning" : level) {
      case "error":
        return Severity.HIGH;
      case "warning":
        return Severity.MEDIUM;
      case "note":
        return Severity.LOW;
      default:
        return Severity.INFO;
    }
  }

  private static String toolName(String driverName) {
    String lower = driverName.toLowerCase(Locale.ROOT);
    return lower.contains("zap") || lower.contains("zed attack proxy") ? "zap" : lower;
  }
}
