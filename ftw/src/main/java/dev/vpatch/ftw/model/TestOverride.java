package dev.vpatch.ftw.model;

import java.util.List;

/**
 * One entry of a go-ftw platform overrides file ({@code test_overrides}).
 *
 * @param testIds the tests of {@code ruleId} it applies to; empty means all of them
 * @param output the replacement expectations, or null when the file gives none
 */
public record TestOverride(long ruleId, List<Integer> testIds, String reason, StageOutput output) {
  public TestOverride {
    testIds = List.copyOf(testIds);
  }

  public boolean appliesTo(FtwTest test) {
    return test.ruleId() == ruleId && (testIds.isEmpty() || testIds.contains(test.testId()));
  }
}
