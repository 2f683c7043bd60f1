package dev.vpatch.ftw.run;

import java.util.List;

/**
 * What one stage produced.
 *
 * @param status the response status, or null when there was no parsable response
 * @param error why there was no usable response (connection closed, timeout, HTTP/0.9 answer), or null
 * @param loggedRuleIds ids of the rules that matched and log, in order (may repeat)
 * @param log log lines for the stage in ModSecurity's error log style, for match_regex
 * @param response the raw response as a byte string, for response_contains ("" when none)
 */
public record StageOutcome(Integer status, String error, List<Long> loggedRuleIds, String log, String response) {
  public StageOutcome {
    loggedRuleIds = List.copyOf(loggedRuleIds);
  }

  public static StageOutcome failure(String error, List<Long> loggedRuleIds, String log) {
    return new StageOutcome(null, error, loggedRuleIds, log, "");
  }
}
