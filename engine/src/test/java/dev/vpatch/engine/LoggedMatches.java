package dev.vpatch.engine;

import java.util.Map;
import java.util.TreeMap;

/** For tests: what a finished transaction logged, as rule id → logdata of each logging match. */
public final class LoggedMatches {
  private LoggedMatches() {}

  public static Map<Long, String> of(Transaction tx) {
    Map<Long, String> logged = new TreeMap<>();
    for (MatchedRule rule : tx.matchedRules()) {
      if (rule.log()) logged.put(rule.ruleId(), rule.data());
    }
    return logged;
  }
}
