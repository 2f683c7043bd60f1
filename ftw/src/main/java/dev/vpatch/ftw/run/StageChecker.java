package dev.vpatch.ftw.run;

import dev.vpatch.ftw.model.LogExpectations;
import dev.vpatch.ftw.model.StageOutput;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * go-ftw's verdict for one stage: with {@code expect_error} the stage passes exactly when the
 * exchange failed (nothing else is checked); an unexpected error fails it; otherwise
 * the status must be one of the expected ones (when given), the response must match
 * {@code response_contains}, the log must match {@code match_regex}/{@code log_contains} and not
 * {@code no_match_regex}/{@code no_log_contains}, every {@code expect_ids} id must be logged and no
 * {@code no_expect_ids} id, and an {@code isolated} test must log exactly one rule.
 */
public final class StageChecker {
  private StageChecker() {}

  /** The problems found; empty when the stage passed. */
  public static List<String> check(StageOutput expected, StageOutcome got) {
    List<String> problems = new ArrayList<>();
    if (expected.expectError()) {
      if (got.error() == null) {
        problems.add("expected an error, got status " + got.status());
      }
      return problems;
    }
    if (got.error() != null) {
      problems.add("expected a response, got error: " + got.error());
      return problems;
    }
    if (!expected.status().isEmpty() && !expected.status().contains(got.status())) {
      problems.add("status: expected " + statusText(expected.status()) + ", got " + got.status());
    }
    if (expected.responseContains() != null && !find(expected.responseContains(), got.response())) {
      problems.add("response does not match /" + expected.responseContains() + "/");
    }
    LogExpectations log = expected.log();
    for (String regex : new String[] {log.matchRegex(), expected.logContains()}) {
      if (regex != null && !find(regex, got.log())) {
        problems.add("log does not match /" + regex + "/");
      }
    }
    for (String regex : new String[] {log.noMatchRegex(), expected.noLogContains()}) {
      if (regex != null && find(regex, got.log())) {
        problems.add("log matches /" + regex + "/");
      }
    }
    Set<Long> logged = new LinkedHashSet<>(got.loggedRuleIds());
    List<Long> missing = log.expectIds().stream().filter(id -> !logged.contains(id)).toList();
    if (!missing.isEmpty()) {
      problems.add("expected ids " + missing + " not logged (logged " + logged + ")");
    }
    List<Long> unwanted = log.noExpectIds().stream().filter(logged::contains).toList();
    if (!unwanted.isEmpty()) {
      problems.add("unexpected ids " + unwanted + " logged");
    }
    if (expected.isolated() && logged.size() != 1) {
      problems.add("isolated test logged " + logged.size() + " rules " + logged);
    }
    return problems;
  }

  private static String statusText(List<Integer> status) {
    return status.size() == 1 ? status.get(0).toString() : "one of " + status;
  }

  private static boolean find(String regex, String text) {
    try {
      return Pattern.compile(regex).matcher(text).find();
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("invalid regex in test: " + e.getMessage(), e);
    }
  }
}
