package dev.vpatch.patches.importers;

import dev.vpatch.store.Store;
import dev.vpatch.store.model.Location;
import dev.vpatch.store.model.Patch;
import dev.vpatch.store.model.PocRequest;
import dev.vpatch.store.model.Severity;
import dev.vpatch.store.model.Source;
import dev.vpatch.store.model.Vulnerability;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports a scanner report: parse, triage, merge findings at the same location into one
 * vulnerability, store the vulnerabilities and their draft patches in one transaction. A report
 * that cannot be parsed changes nothing.
 */
public final class ReportImporter {
  private static final int MAX_POCS = 5;

  private final Store store;
  private final DraftPatchMaker drafts;
  private final FindingTriage triage = new FindingTriage();

  public ReportImporter(Store store, DraftPatchMaker drafts) {
    this.store = store;
    this.drafts = drafts;
  }

  /** Parses and triages without storing anything. */
  public List<Triage> triage(byte[] content, String fileName, ReportFormat format) throws ReportFormatException {
    List<ScannerFinding> findings = ReportFormat.parserFor(format, content, fileName).parse(content, fileName);
    List<Triage> verdicts = new ArrayList<>(findings.size());
    for (ScannerFinding finding : findings) {
      verdicts.add(triage.triage(finding));
    }
    return verdicts;
  }

  public ImportResult importReport(byte[] content, String fileName, ReportFormat format) throws ReportFormatException {
    List<Triage> verdicts = triage(content, fileName, format);
    Map<String, List<Triage>> byLocation = new LinkedHashMap<>();
    Map<String, SkippedFinding> skipped = new LinkedHashMap<>();
    for (Triage verdict : verdicts) {
      ScannerFinding finding = verdict.finding();
      if (verdict.isSkipped()) {
        String key = finding.tool() + "|" + finding.ruleId() + "|" + verdict.skipReason();
        SkippedFinding before = skipped.get(key);
        skipped.put(key, new SkippedFinding(finding.tool(), finding.ruleId(), finding.name(), verdict.skipReason(),
            before == null ? 1 : before.count() + 1));
      } else {
        Location l = verdict.location();
        String key = verdict.vulnClass().label() + "|" + l.method() + "|" + l.path() + "|" + l.parameter() + "|"
            + l.where();
        byLocation.computeIfAbsent(key, k -> new ArrayList<>()).add(verdict);
      }
    }
    Instant now = Instant.now();
    return store.inTransaction(session -> {
      List<Vulnerability> created = new ArrayList<>();
      List<Patch> patches = new ArrayList<>();
      for (List<Triage> group : byLocation.values()) {
        Vulnerability vulnerability = session.vulnerabilities().insert(vulnerability(group, fileName, now));
        created.add(vulnerability);
        if (drafts != null) {
          patches.add(drafts.draftFor(session, vulnerability));
        }
      }
      return new ImportResult(fileName, verdicts.size(), created, patches, new ArrayList<>(skipped.values()));
    });
  }

  private static Vulnerability vulnerability(List<Triage> group, String fileName, Instant now) {
    Triage first = group.get(0);
    ScannerFinding finding = first.finding();
    Severity severity = Severity.INFO;
    List<PocRequest> pocs = new ArrayList<>();
    List<String> findingIds = new ArrayList<>();
    String cve = null;
    for (Triage t : group) {
      if (t.finding().severity().compareTo(severity) > 0) {
        severity = t.finding().severity();
      }
      if (pocs.size() < MAX_POCS && !pocs.contains(t.poc())) {
        pocs.add(t.poc());
      }
      if (!findingIds.contains(t.finding().findingId())) {
        findingIds.add(t.finding().findingId());
      }
      cve = cve != null ? cve : t.finding().cve();
    }
    Location location = first.location();
    String title = first.vulnClass().title() + (location.parameter() == null ? "" : " in '" + location.parameter() + "'")
        + " at " + location.method() + " " + location.path();
    return Vulnerability.builder()
        .title(title)
        .vulnClass(first.vulnClass().label())
        .cwe(finding.cwe() != null ? finding.cwe() : first.vulnClass().cwe())
        .cves(cve == null ? List.of() : List.of(cve))
        .severity(severity)
        .description(finding.description())
        .location(location)
        .pocs(pocs)
        .source(new Source(Source.SCANNER, finding.tool(), fileName, String.join(",", findingIds)))
        .discoveredAt(now)
        .build();
  }
}
