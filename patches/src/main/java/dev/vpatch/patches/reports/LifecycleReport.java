package dev.vpatch.patches.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;

/** Everything {@code vpatch report} shows, computed once and rendered as text, JSON or HTML. */
public record LifecycleReport(
    Instant generatedAt,
    List<PatchHits> patches,
    List<ClassTimes> classTimes,
    List<PatchRef> dueForReview,
    List<PatchRef> neverFired) {

  /** Hits of one patch: totals, per day (blocked, would have blocked), and the busiest sources. */
  public record PatchHits(long patchId, String vulnId, String title, String mode, List<Long> ruleIds, int blocked,
      int wouldHaveBlocked, SortedMap<LocalDate, int[]> byDay, List<SourceCount> topSources) {
    public int total() {
      return blocked + wouldHaveBlocked;
    }
  }

  public record SourceCount(String client, int hits) {}

  /** Median time from discovery to the first blocking patch, and to the fix, per vulnerability class. */
  public record ClassTimes(String vulnClass, int vulnerabilities, int mitigated, Double medianHoursToMitigate, int fixed,
      Double medianHoursToFix) {}

  public record PatchRef(long patchId, String vulnId, String mode, LocalDate reviewDue, String title) {}
}
