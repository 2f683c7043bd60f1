package dev.vpatch.ftw.model;

import java.nio.file.Path;
import java.util.List;

/**
 * One go-ftw test case.
 *
 * @param file the YAML file it came from
 * @param ruleId the rule the file targets ({@code rule_id}, else the first number in the file name)
 * @param testId {@code test_id}, else the 1-based position in the file
 */
public record FtwTest(Path file, long ruleId, int testId, String description, List<Stage> stages) {
  public FtwTest {
    stages = List.copyOf(stages);
  }

  /** go-ftw's test name, {@code <rule id>-<test id>}; include/exclude regexes match it. */
  public String id() {
    return ruleId + "-" + testId;
  }
}
