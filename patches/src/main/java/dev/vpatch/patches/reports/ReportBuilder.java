package dev.vpatch.patches.reports;

import dev.vpatch.patches.reports.LifecycleReport.ClassTimes;
import dev.vpatch.patches.reports.LifecycleReport.PatchHits;
import dev.vpatch.patches.reports.LifecycleReport.PatchRef;
import dev.vpatch.patches.reports.LifecycleReport.SourceCount;
import dev.vpatch.store.Store;
import dev.vpatch.store.StoreSession;
import dev.vpatch.store.model.Alert;
import dev.vpatch.store.model.Patch;
import dev.vpatch.store.model.PatchMode;
import dev.vpatch.store.model.Vulnerability;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Computes the lifecycle report from the store. */
public final class ReportBuilder {
  private static final int TOP_SOURCES = 5;

  private ReportBuilder() {}

  public static LifecycleReport build(Store store, Instant now) {
    record Data(List<Patch> patches, List<Vulnerability> vulnerabilities, List<Alert> alerts) {}
    Data data = store.inTransaction((StoreSession s) -> new Data(s.patches().list(), s.vulnerabilities().list(),
        s.alerts().list()));
    Map<Long, List<Alert>> alertsByPatch = new HashMap<>();
    for (Alert alert : data.alerts()) {
      if (alert.patchId() != null) {
        alertsByPatch.computeIfAbsent(alert.patchId(), id -> new ArrayList<>()).add(alert);
      }
    }
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    List<PatchHits> hits = new ArrayList<>();
    List<PatchRef> due = new ArrayList<>();
    List<PatchRef> neverFired = new ArrayList<>();
    for (Patch patch : data.patches()) {
      List<Alert> alerts = alertsByPatch.getOrDefault(patch.id(), List.of());
      PatchRef ref = new PatchRef(patch.id(), patch.vulnId(), patch.mode().label(), patch.reviewDue(), patch.title());
      if (patch.mode().isActive() && patch.reviewDue() != null && !patch.reviewDue().isAfter(today)) {
        due.add(ref);
      }
      if (patch.mode().isActive() && alerts.isEmpty()) {
        neverFired.add(ref);
      }
      if (patch.mode() == PatchMode.DRAFT && alerts.isEmpty()) {
        continue;
      }
      hits.add(hits(patch, alerts));
    }
    return new LifecycleReport(now, hits, classTimes(data.vulnerabilities()), due, neverFired);
  }

  private static PatchHits hits(Patch patch, List<Alert> alerts) {
    int blocked = 0;
    int would = 0;
    TreeMap<LocalDate, int[]> byDay = new TreeMap<>();
    Map<String, Integer> sources = new HashMap<>();
    for (Alert alert : alerts) {
      if (!Alert.BLOCKED.equals(alert.action()) && !Alert.WOULD_HAVE_BLOCKED.equals(alert.action())) {
        continue;
      }
      boolean isBlocked = Alert.BLOCKED.equals(alert.action());
      if (isBlocked) {
        blocked++;
      } else {
        would++;
      }
      byDay.computeIfAbsent(LocalDate.ofInstant(alert.at(), ZoneOffset.UTC), d -> new int[2])[isBlocked ? 0 : 1]++;
      sources.merge(alert.client() == null ? "unknown" : alert.client(), 1, Integer::sum);
    }
    List<SourceCount> top = sources.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(TOP_SOURCES).map(e -> new SourceCount(e.getKey(), e.getValue())).toList();
    return new PatchHits(patch.id(), patch.vulnId(), patch.title(), patch.mode().label(), patch.ruleIds(), blocked, would,
        byDay, top);
  }

  private static List<ClassTimes> classTimes(List<Vulnerability> vulnerabilities) {
    Map<String, List<Vulnerability>> byClass = new TreeMap<>();
    for (Vulnerability v : vulnerabilities) {
      byClass.computeIfAbsent(v.vulnClass(), c -> new ArrayList<>()).add(v);
    }
    List<ClassTimes> result = new ArrayList<>();
    byClass.forEach((vulnClass, list) -> {
      List<Double> mitigate = new ArrayList<>();
      List<Double> fix = new ArrayList<>();
      for (Vulnerability v : list) {
        if (v.firstMitigatedAt() != null) {
          mitigate.add(hours(v.discoveredAt(), v.firstMitigatedAt()));
        }
        if (v.fixedAt() != null) {
          fix.add(hours(v.discoveredAt(), v.fixedAt()));
        }
      }
      result.add(new ClassTimes(vulnClass, list.size(), mitigate.size(), median(mitigate), fix.size(), median(fix)));
    });
    return result;
  }

  private static double hours(Instant from, Instant to) {
    return Duration.between(from, to).toMinutes() / 60.0;
  }

  private static Double median(List<Double> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Comparator.naturalOrder());
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }
}
