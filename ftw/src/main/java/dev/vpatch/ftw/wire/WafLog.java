package dev.vpatch.ftw.wire;

import java.util.List;

/** What a WAF logged for one exchange: the ids of the rules that logged, and the raw log text. */
public record WafLog(List<Long> ruleIds, String text) {
  public static final WafLog EMPTY = new WafLog(List.of(), "");

  public WafLog {
    ruleIds = List.copyOf(ruleIds);
  }
}
