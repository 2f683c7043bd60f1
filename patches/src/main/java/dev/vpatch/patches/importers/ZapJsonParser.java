package dev.vpatch.patches.importers;

import static dev.vpatch.patches.importers.JsonReports.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** ZAP's traditional JSON report, with or without request/response ("JSON plus"). */
public final class ZapJsonParser implements ReportParser {
  @Override
  public List<ScannerFinding> parse(byte[] content, String fileName) throws ReportFormatException {
    JsonNode root = JsonReports.read(content, fileName);
    if (!root.isObject() || !root.has("site")) {
      throw new ReportFormatException(fileName + ": not a ZAP JSON report (no top-level \"site\")");
    }
    List<ScannerFinding> findings = new ArrayList<>();
    JsonNode sites = root.get("site").isArray() ? root.get("site") : JsonReports.MAPPER.createArrayNode().add(root.get("site"));
    for (JsonNode site : sites) {
      for (JsonNode alertNode : JsonReports.array(site, "alerts", fileName, "site")) {
        String pluginId = text(alertNode, "pluginid");
        if (pluginId == null) {
          throw new ReportFormatException(fileName + ": an alert has no \"pluginid\"");
        }
        ZapFindings.Alert alert = new ZapFindings.Alert(pluginId,
            text(alertNode, "alert") != null ? text(alertNode, "alert") : text(alertNode, "name"),
            text(alertNode, "riskcode"), text(alertNode, "confidence"), text(alertNode, "cweid"),
            text(alertNode, "desc"));
        JsonNode instances = alertNode.get("instances");
        if (instances == null || !instances.isArray()) {
          findings.add(ZapFindings.finding(alert, instance(alertNode)));
          continue;
        }
        for (JsonNode instance : instances) {
          findings.add(ZapFindings.finding(alert, instance(instance)));
        }
      }
    }
    return findings;
  }

  private static ZapFindings.Instance instance(JsonNode node) {
    return new ZapFindings.Instance(text(node, "method"), text(node, "uri"), text(node, "param"),
        text(node, "attack"), text(node, "request-header"), text(node, "request-body"));
  }
}
