package dev.vpatch.ftw.run;

import dev.vpatch.ftw.model.FtwTest;
import java.util.List;

/**
 * The result of one test.
 *
 * @param problems what did not hold (for a failed test), or notes (for an overridden one)
 * @param overrideReason the reason of the override that applies, or null
 */
public record TestResult(FtwTest test, Verdict verdict, List<String> problems, String overrideReason) {
  public enum Verdict { PASSED, FAILED, SKIPPED, OVERRIDDEN }

  public TestResult {
    problems = List.copyOf(problems);
  }

  public boolean passed() {
    return verdict == Verdict.PASSED;
  }
}
