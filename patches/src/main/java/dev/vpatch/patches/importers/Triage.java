package dev.vpatch.patches.importers;

import dev.vpatch.patches.vulns.VulnClass;
import dev.vpatch.store.model.Location;
import dev.vpatch.store.model.PocRequest;

/** The verdict on one finding: a patchable vulnerability at a location, or skipped with a reason. */
public record Triage(ScannerFinding finding, VulnClass vulnClass, Location location, PocRequest poc, String skipReason) {
  static Triage accepted(ScannerFinding finding, VulnClass vulnClass, Location location, PocRequest poc) {
    return new Triage(finding, vulnClass, location, poc, null);
  }

  static Triage skipped(ScannerFinding finding, String reason) {
    return new Triage(finding, null, null, null, reason);
  }

  public boolean isSkipped() {
    return skipReason != null;
  }
}
