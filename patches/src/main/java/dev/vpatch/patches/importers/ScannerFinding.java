package dev.vpatch.patches.importers;

import dev.vpatch.store.model.ParamWhere;
import dev.vpatch.store.model.PocRequest;
import dev.vpatch.store.model.Severity;

/**
 * One finding as a scanner reported it, normalised across report formats but not yet judged.
 *
 * @param tool scanner name (zap, burp, nuclei, arachni)
 * @param ruleId the scanner's own id for the check: ZAP plugin id, Burp type id, Nuclei template id, Arachni check
 * @param findingId the id of this finding in the report when it has one (else the rule id)
 * @param riskKnown false when the report gives no usable severity
 * @param informational the scanner rates it informational
 * @param falsePositive the report marks it as a false positive
 * @param cwe CWE id the scanner gives, or null
 * @param url full URL of the affected request (may include the query and the attack)
 * @param parameter name of the vulnerable input, or null
 * @param where where that input arrives, or null when the report does not say
 * @param attack the payload the scanner injected, or null
 * @param request the full request the scanner sent, or null
 * @param tags the scanner's classification tags (Nuclei), never names
 */
public record ScannerFinding(
    String tool,
    String ruleId,
    String findingId,
    String name,
    Severity severity,
    boolean informational,
    boolean falsePositive,
    Integer cwe,
    String cve,
    String method,
    String url,
    String parameter,
    ParamWhere where,
    String attack,
    PocRequest request,
    String description,
    java.util.List<String> tags) {
  public ScannerFinding {
    tags = tags == null ? java.util.List.of() : java.util.List.copyOf(tags);
  }
}
