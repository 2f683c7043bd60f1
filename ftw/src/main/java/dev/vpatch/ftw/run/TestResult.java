package dev.vpatch.ftw.run;

import dev.vpatch.ftw.model.FtwTest;
import java.util.List;

/**
 * The result of one test.
 *
 * @param problems what did not hold (for a failed test), or notes (for an overridden one)
 * @param overrideReason the reason of the override that applies, or null
 * @param log the WAF log lines of the stages that did not pass (for diagnosis), else empty
 */
public record TestResult(FtwTest test, Verdict verdict, List<String> problems, String overrideReason, String log) {
  public enum Verdict { PASSED, FAILED, SKIPPED, OVERRIDDEN }

  public TestResult {
    problems = List.copyOf(problems);
  }

  public TestResult(FtwTest test, Verdict verdict, List<String> problems, String overrideReason) {
    this(test, verdict, problems, overrideReason, "");
  }

  public boolean passed() {
    return verdict == Verdict.PASSED;
  }
}
