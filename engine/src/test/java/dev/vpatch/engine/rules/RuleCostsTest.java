package dev.vpatch.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.engine.RuleSet;
import dev.vpatch.engine.Transaction;
import org.junit.jupiter.api.Test;

/** Per-rule timing stays off (and out of the evaluation loop) unless the JVM asks for it. */
class RuleCostsTest {
  @Test
  void ruleSetsReportNoCostsWhenTimingIsOff() {
    assertThat(RuleCosts.ENABLED).isFalse();
    RuleSet rules = RuleSet.builder()
        .addText("SecRule REQUEST_URI \"@contains /\" \"id:1,phase:1,pass,nolog\"", "off.conf").build();
    try (Transaction tx = rules.newTransaction()) {
      tx.processUri("/a", "GET", "HTTP/1.1");
      tx.processRequestHeaders();
    }

    assertThat(rules.ruleCosts()).isEmpty();
  }
}
