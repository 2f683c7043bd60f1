package dev.vpatch.patches.importers;

import dev.vpatch.patches.vulns.VulnClass;
import dev.vpatch.store.model.Location;
import dev.vpatch.store.model.ParamWhere;
import dev.vpatch.store.model.PocRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Decides which findings become vulnerability records: only confirmed, non-informational findings
 * of a class a virtual patch can address, at a request location that reaches the server.
 */
public final class FindingTriage {
  public Triage triage(ScannerFinding finding) {
    String check = finding.tool() + " rule " + finding.ruleId();
    if (finding.falsePositive()) {
      return Triage.skipped(finding, "marked as a false positive in the report (" + check + ")");
    }
    if (finding.informational()) {
      return Triage.skipped(finding, "informational finding (" + check + "): nothing to patch");
    }
    if (finding.url() == null) {
      return Triage.skipped(finding, "not an HTTP request finding (" + check + "): a WAF cannot patch it");
    }
    VulnClass vulnClass = ClassMapper.byCheck(finding);
    if (vulnClass == null && "zap".equals(finding.tool()) && ClassMapper.isZapPassive(finding.ruleId())) {
      return Triage.skipped(finding, "passive finding (ZAP plugin " + finding.ruleId()
          + "): a response or configuration issue, not an exploitable request input");
    }
    if (vulnClass == null) {
      vulnClass = ClassMapper.byCwe(finding.cwe());
    }
    if (vulnClass == null) {
      vulnClass = ClassMapper.byTags(finding.tags());
    }
    if (vulnClass == null) {
      return Triage.skipped(finding, "no virtual-patch class for " + check
          + (finding.cwe() == null ? " (no CWE)" : " (CWE-" + finding.cwe() + ")"));
    }
    PocRequest poc = finding.request() != null ? finding.request() : synthesizedRequest(finding);
    String parameter = finding.parameter();
    ParamWhere where = finding.where();
    if (parameter == null) {
      ParameterLocator.Located carrier = ParameterLocator.carrierOf(poc, finding.attack());
      if (carrier != null) {
        parameter = carrier.name();
        where = carrier.where();
      }
    }
    if (parameter == null && finding.attack() != null && fragmentOnly(finding)) {
      return Triage.skipped(finding, "the payload is only in the URL fragment, which never reaches the server ("
          + check + ")");
    }
    if (parameter != null && (where == null || where == ParamWhere.UNKNOWN)) {
      ParamWhere found = ParameterLocator.where(poc, parameter);
      where = found != null ? found : "GET".equals(poc.method()) ? ParamWhere.QUERY : ParamWhere.BODY;
    }
    if (parameter != null && finding.request() == null && finding.attack() != null && where == ParamWhere.BODY
        && poc.body().isEmpty()) {
      poc = new PocRequest(poc.method(), poc.uri(), "Content-Type: application/x-www-form-urlencoded",
          URLEncoder.encode(parameter, StandardCharsets.UTF_8) + "="
              + URLEncoder.encode(finding.attack(), StandardCharsets.UTF_8));
    }
    String method = (finding.method() != null ? finding.method() : poc.method()).toUpperCase(Locale.ROOT);
    Location location = new Location(method, path(poc.uri()), parameter, where);
    return Triage.accepted(finding, vulnClass, location, poc);
  }

  private static PocRequest synthesizedRequest(ScannerFinding finding) {
    String method = finding.method() == null ? "GET" : finding.method().toUpperCase(Locale.ROOT);
    return new PocRequest(method, RawHttpRequest.requestTarget(finding.url()), "", "");
  }

  private static boolean fragmentOnly(ScannerFinding finding) {
    int hash = finding.url().indexOf('#');
    return hash >= 0 && finding.url().substring(hash).contains(finding.attack().substring(0,
        Math.min(8, finding.attack().length())).replace("#", ""));
  }

  static String path(String uri) {
    int end = uri.length();
    for (char c : new char[] {'?', '#'}) {
      int at = uri.indexOf(c);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    return uri.substring(0, end).isEmpty() ? "/" : uri.substring(0, end);
  }
}
