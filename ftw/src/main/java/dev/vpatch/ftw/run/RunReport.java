package dev.vpatch.ftw.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** All test results of a run and their summary; every test not passed counts as failed. */
public record RunReport(List<TestResult> results) {
  public RunReport {
    results = List.copyOf(results);
  }

  public long passed() {
    return results.stream().filter(TestResult::passed).count();
  }

  public long failed() {
    return results.size() - passed();
  }

  /** Exactly {@code N passed, F failed}. */
  public String summary() {
    return passed() + " passed, " + failed() + " failed";
  }

  /**
   * One line per test not passed: file (relative to the root it was found under), test id, and
   * what was expected and got, or why it was skipped or overridden.
   */
  public List<String> failureLines(List<Path> roots) {
    return failureLines(roots, false);
  }

  /** As {@link #failureLines(List)}; with {@code withLog}, each failed test's log lines follow it, indented. */
  public List<String> failureLines(List<Path> roots, boolean withLog) {
    List<String> lines = new ArrayList<>();
    for (TestResult result : results) {
      if (result.passed()) {
        continue;
      }
      String where = display(result.test().file(), roots) + " " + result.test().id() + ": ";
      String what = switch (result.verdict()) {
        case SKIPPED -> "skipped";
        case OVERRIDDEN -> "overridden: " + result.overrideReason()
            + (result.problems().isEmpty() ? "" : " (" + String.join("; ", result.problems()) + ")");
        default -> String.join("; ", result.problems());
      };
      lines.add(where + what.replace('\n', ' '));
      if (withLog) {
        result.log().lines().forEach(line -> lines.add("    " + line));
      }
    }
    return lines;
  }

  private static String display(Path file, List<Path> roots) {
    Path absolute = file.toAbsolutePath().normalize();
    for (Path root : roots) {
      Path base = root.toAbsolutePath().normalize();
      if (absolute.startsWith(base) && !absolute.equals(base)) {
        return base.relativize(absolute).toString();
      }
    }
    return file.toString();
  }
}
