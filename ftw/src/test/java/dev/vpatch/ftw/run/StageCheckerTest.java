package dev.vpatch.ftw.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.ftw.model.LogExpectations;
import dev.vpatch.ftw.model.StageOutput;
import java.util.List;
import org.junit.jupiter.api.Test;

class StageCheckerTest {
  private static final String LOG = "ModSecurity: Warning. [id \"942100\"] [msg \"SQL Injection\"] [data \"found within ARGS:x\"]\n";

  @Test
  void passesWhenIdsStatusAndRegexesHold() {
    StageOutput expected = output(List.of(200), new LogExpectations(List.of(942100L), List.of(920100L),
        "found within ARGS:x", "\\[id \"1\\d+\"\\]"), false);

    assertThat(StageChecker.check(expected, outcome(200, List.of(942100L, 949110L)))).isEmpty();
  }

  @Test
  void reportsEveryFailedExpectation() {
    StageOutput expected = output(List.of(400), new LogExpectations(List.of(942100L, 942101L), List.of(949110L),
        "ARGS:y", "SQL"), false);

    assertThat(StageChecker.check(expected, outcome(200, List.of(942100L, 949110L)))).containsExactly(
        "status: expected 400, got 200",
        "log does not match /ARGS:y/",
        "log matches /SQL/",
        "expected ids [942101] not logged (logged [942100, 949110])",
        "unexpected ids [949110] logged");
  }

  @Test
  void acceptsAnErrorOnlyWhenExpected() {
    StageOutcome error = StageOutcome.failure("timeout", List.of(920430L), "");

    assertThat(StageChecker.check(output(List.of(), LogExpectations.NONE, true), error)).isEmpty();
    assertThat(StageChecker.check(output(List.of(), LogExpectations.NONE, false), error))
        .containsExactly("expected a response, got error: timeout");
  }

  @Test
  void checksResponseContainsAndIsolation() {
    StageOutput expected = new StageOutput(List.of(), "HTTP/1\\.1 200", LogExpectations.NONE, null, null, false, true);

    assertThat(StageChecker.check(expected, outcome(200, List.of(1L, 1L)))).isEmpty();
    assertThat(StageChecker.check(expected, outcome(200, List.of(1L, 2L))))
        .containsExactly("isolated test logged 2 rules [1, 2]");
  }

  @Test
  void acceptsAnyOfSeveralStatuses() {
    assertThat(StageChecker.check(output(List.of(200, 403), LogExpectations.NONE, false), outcome(403, List.of()))).isEmpty();
  }

  private static StageOutput output(List<Integer> status, LogExpectations log, boolean expectError) {
    return new StageOutput(status, null, log, null, null, expectError, false);
  }

  private static StageOutcome outcome(int status, List<Long> ids) {
    return new StageOutcome(status, null, ids, LOG, "HTTP/1.1 " + status + " OK\r\n\r\n");
  }
}
