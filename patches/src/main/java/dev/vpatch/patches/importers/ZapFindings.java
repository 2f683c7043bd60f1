package dev.vpatch.patches.importers;

import dev.vpatch.store.model.PocRequest;
import dev.vpatch.store.model.Severity;

/** Builds findings from the fields every ZAP report layout shares (XML, XML-plus, JSON, JSON-plus). */
final class ZapFindings {
  private ZapFindings() {}

  /** The alert-level fields of one ZAP alert. */
  record Alert(String pluginId, String name, String riskCode, String confidence, String cweId, String description) {}

  /** The instance-level fields; the raw request parts are null outside the "plus" layouts. */
  record Instance(String method, String uri, String param, String attack, String requestHeader, String requestBody) {}

  static ScannerFinding finding(Alert alert, Instance instance) {
    PocRequest request = null;
    if (instance.requestHeader() != null && !instance.requestHeader().isBlank()) {
      request = RawHttpRequest.parse(instance.requestHeader() + "\n\n"
          + (instance.requestBody() == null ? "" : instance.requestBody()));
    }
    Integer cwe = positiveInt(alert.cweId());
    return new ScannerFinding("zap", alert.pluginId(), alert.pluginId(), alert.name(), severity(alert.riskCode()),
        "0".equals(trim(alert.riskCode())), "0".equals(trim(alert.confidence())), cwe, null,
        emptyToNull(instance.method()), emptyToNull(instance.uri()), emptyToNull(instance.param()), null,
        emptyToNull(instance.attack()), request, alert.description(), null);
  }

  static Severity severity(String riskCode) {
    switch (trim(riskCode)) {
      case "3":
        return Severity.HIGH;
      case "2":
        return Severity.MEDIUM;
      case "1":
        return Severity.LOW;
      default:
        return Severity.INFO;
    }
  }

  static Integer positiveInt(String text) {
    try {
      int value = Integer.parseInt(trim(text));
      return value > 0 ? value : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String trim(String text) {
    return text == null ? "" : text.trim();
  }

  private static String emptyToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
