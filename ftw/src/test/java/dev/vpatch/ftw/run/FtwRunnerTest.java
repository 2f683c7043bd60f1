package dev.vpatch.ftw.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.ftw.model.FtwTest;
import dev.vpatch.ftw.model.LogExpectations;
import dev.vpatch.ftw.model.Stage;
import dev.vpatch.ftw.model.StageInput;
import dev.vpatch.ftw.model.StageOutput;
import dev.vpatch.ftw.model.TestOverride;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FtwRunnerTest {
  /** Logs the rule id written in the request target, e.g. {@code /42}. */
  private static final StageTarget ECHO_ID = (input, request) -> {
    String line = new String(request, StandardCharsets.ISO_8859_1);
    long id = Long.parseLong(line.substring(line.indexOf('/') + 1, line.indexOf(' ', line.indexOf('/'))));
    return new StageOutcome(200, null, List.of(id), "[id \"" + id + "\"]", "");
  };

  @Test
  void passesAndFailsOnLoggedIds() {
    RunReport report = new FtwRunner(ECHO_ID).run(List.of(test(1, 1, 1), test(1, 2, 99)));

    assertThat(report.results()).extracting(TestResult::verdict)
        .containsExactly(TestResult.Verdict.PASSED, TestResult.Verdict.FAILED);
    assertThat(report.summary()).isEqualTo("1 passed, 1 failed");
    assertThat(report.failureLines(List.of(Path.of("tests"))))
        .containsExactly("x/1.yaml 1-2: expected ids [99] not logged (logged [1])");
    assertThat(report.failureLines(List.of(Path.of("tests")), true))
        .containsExactly("x/1.yaml 1-2: expected ids [99] not logged (logged [1])", "    [id \"1\"]");
  }

  @Test
  void includeWinsOverExcludeAndSkippedTestsCountAsFailed() {
    List<FtwTest> tests = List.of(test(1, 1, 1), test(1, 2, 1), test(2, 1, 2));
    FtwRunner runner = new FtwRunner(ECHO_ID, Pattern.compile("^1-"), Pattern.compile("-2$|^2-"), List.of(), 1);

    RunReport report = runner.run(tests);

    assertThat(report.results()).extracting(TestResult::verdict).containsExactly(
        TestResult.Verdict.PASSED, TestResult.Verdict.PASSED, TestResult.Verdict.SKIPPED);
    assertThat(report.summary()).isEqualTo("2 passed, 1 failed");
    assertThat(report.failureLines(List.of())).containsExactly("tests/x/2.yaml 2-1: skipped");
  }

  @Test
  void overriddenTestsCountAsFailedWithTheirReason() {
    List<TestOverride> overrides = List.of(new TestOverride(1, List.of(1, 2), "server differs", null));
    RunReport report = new FtwRunner(ECHO_ID, null, null, overrides, 1).run(List.of(test(1, 1, 1), test(1, 2, 7)));

    assertThat(report.summary()).isEqualTo("0 passed, 2 failed");
    assertThat(report.failureLines(List.of(Path.of("tests")))).containsExactly(
        "x/1.yaml 1-1: overridden: server differs (passes without the override)",
        "x/1.yaml 1-2: overridden: server differs");
  }

  @Test
  void runsOnSeveralThreadsKeepingOrder() {
    List<FtwTest> tests = new ArrayList<>();
    for (int i = 1; i <= 200; i++) {
      tests.add(test(3, i, i % 7 == 0 ? -1 : 3));
    }

    RunReport report = new FtwRunner(ECHO_ID, null, null, List.of(), 4).run(tests);

    assertThat(report.results()).extracting(r -> r.test().testId())
        .containsExactlyElementsOf(tests.stream().map(FtwTest::testId).toList());
    assertThat(report.passed()).isEqualTo(200 - 200 / 7);
  }

  @Test
  void requiresEveryStageToPass() {
    Stage good = stage(5, 5);
    Stage bad = stage(5, 6);
    FtwTest test = new FtwTest(Path.of("tests/x/5.yaml"), 5, 1, null, List.of(good, bad));

    TestResult result = new FtwRunner(ECHO_ID).run(test);

    assertThat(result.problems()).containsExactly("stage 2: expected ids [6] not logged (logged [5])");
  }

  /** A test whose request logs {@code rule} and which expects {@code expectedId}. */
  private static FtwTest test(long rule, int id, long expectedId) {
    return new FtwTest(Path.of("tests/x/" + rule + ".yaml"), rule, id, null, List.of(stage(rule, expectedId)));
  }

  private static Stage stage(long idInUri, long expectedId) {
    StageInput input = new StageInput("localhost", 80, "http", "GET", "/" + idInUri, "HTTP/1.1", List.of(), null, null,
        null, true, false, false);
    StageOutput output = new StageOutput(List.of(), null,
        new LogExpectations(List.of(expectedId), List.of(), null, null), null, null, false, false);
    return new Stage(input, output);
  }
}
