package dev.vpatch.store.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A virtual patch: SecLang text, the rule ids it owns, its go-ftw tests and its enforcement mode. */
public record Patch(
    long id,
    String vulnId,
    String title,
    PatchModel model,
    PatchMode mode,
    String seclang,
    List<Long> ruleIds,
    String testsYaml,
    LocalDate reviewDue,
    TestOutcome lastTest,
    Instant createdAt,
    Instant updatedAt) {

  public Patch {
    ruleIds = ruleIds == null ? List.of() : List.copyOf(ruleIds);
    testsYaml = testsYaml == null ? "" : testsYaml;
  }

  public Patch withMode(PatchMode newMode) {
    return new Patch(id, vulnId, title, model, newMode, seclang, ruleIds, testsYaml, reviewDue, lastTest, createdAt, updatedAt);
  }

  public Patch withLastTest(TestOutcome outcome) {
    return new Patch(id, vulnId, title, model, mode, seclang, ruleIds, testsYaml, reviewDue, outcome, createdAt, updatedAt);
  }

  public Patch withContent(String newSeclang, List<Long> newRuleIds, String newTestsYaml) {
    return new Patch(id, vulnId, title, model, mode, newSeclang, newRuleIds, newTestsYaml, reviewDue, null, createdAt, updatedAt);
  }

  public Patch withReviewDue(LocalDate due) {
    return new Patch(id, vulnId, title, model, mode, seclang, ruleIds, testsYaml, due, lastTest, createdAt, updatedAt);
  }

  public boolean testsPassed() {
    return lastTest != null && lastTest.passed();
  }
}
