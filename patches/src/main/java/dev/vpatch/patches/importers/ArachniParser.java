package dev.vpatch.patches.importers;

import static dev.vpatch.patches.importers.JsonReports.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vpatch.store.model.ParamWhere;
import dev.vpatch.store.model.PocRequest;
import dev.vpatch.store.model.Severity;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Arachni's AFR report converted to JSON: issues[] with check, cwe, vector (element, input, seed) and request. */
public final class ArachniParser implements ReportParser {
  @Override
  public List<ScannerFinding> parse(byte[] content, String fileName) throws ReportFormatException {
    JsonNode root = JsonReports.read(content, fileName);
    if (!root.isObject() || !root.has("issues")) {
      throw new ReportFormatException(fileName + ": not an Arachni report (no top-level \"issues\")");
    }
    List<ScannerFinding> findings = new ArrayList<>();
    for (JsonNode issue : JsonReports.array(root, "issues", fileName, "$")) {
      String check = text(issue.path("check"), "shortname");
      if (check == null) {
        throw new ReportFormatException(fileName + ": an issue has no check.shortname");
      }
      JsonNode vector = issue.path("vector");
      String method = text(vector, "method") == null ? "GET" : text(vector, "method").toUpperCase(Locale.ROOT);
      String action = text(vector, "action") != null ? text(vector, "action") : text(vector, "url");
      String parameter = text(vector, "affected_input_name");
      Severity severity = SeverityWords.parse(text(issue, "severity"));
      findings.add(new ScannerFinding("arachni", check, text(issue, "digest") == null ? check : text(issue, "digest"),
          text(issue, "name"), severity, severity == Severity.INFO, false, ZapFindings.positiveInt(text(issue, "cwe")),
          null, method, action, parameter, where(text(vector, "type"), method), text(vector, "seed"),
          request(issue.path("request"), method, action), text(issue, "description"), null));
    }
    return findings;
  }

  private static ParamWhere where(String elementType, String method) {
    switch (elementType == null ? "" : elementType) {
      case "cookie":
        return ParamWhere.COOKIE;
      case "header":
        return ParamWhere.HEADER;
      case "json":
        return ParamWhere.JSON;
      case "xml":
        return ParamWhere.XML;
      case "link":
      case "link_template":
        return ParamWhere.QUERY;
      default:
        return "GET".equals(method) ? ParamWhere.QUERY : ParamWhere.BODY;
    }
  }

  private static PocRequest request(JsonNode request, String method, String action) {
    String url = text(request, "url") != null ? text(request, "url") : action;
    if (url == null) {
      return null;
    }
    StringBuilder pairs = new StringBuilder();
    for (Iterator<Map.Entry<String, JsonNode>> it = request.path("parameters").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> parameter = it.next();
      pairs.append(pairs.length() == 0 ? "" : "&").append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8))
          .append('=').append(URLEncoder.encode(parameter.getValue().asText(), StandardCharsets.UTF_8));
    }
    String target = RawHttpRequest.requestTarget(url);
    if ("GET".equals(method)) {
      return new PocRequest(method, pairs.length() == 0 ? target : target + (target.contains("?") ? "&" : "?") + pairs,
          "", "");
    }
    return new PocRequest(method, target, "Content-Type: application/x-www-form-urlencoded", pairs.toString());
  }

}
