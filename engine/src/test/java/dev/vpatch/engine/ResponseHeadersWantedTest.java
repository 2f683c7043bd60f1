package dev.vpatch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A connector hands the response's header fields over only when something can read them: a rule
 * of phase 3, 4 or 5, the audit log, or a response body that may be buffered (its Content-Type
 * decides). A patch of request rules alone never reads them.
 */
class ResponseHeadersWantedTest {
  private static final String ENGINE = "SecRuleEngine On\nSecResponseBodyAccess On\n"
      + "SecResponseBodyLimitAction ProcessPartial\n";
  private static final String PATCH = "SecRule ARGS:reqID \"!@rx ^[0-9]+$\" \"id:1,phase:2,deny\"\n";

  private static boolean wanted(RuleSet rules) {
    try (Transaction tx = rules.newTransaction()) {
      tx.processConnection("127.0.0.1", 40000, "127.0.0.1", 80);
      tx.processUri("/page?reqID=1", "GET", "HTTP/1.1");
      tx.processRequestHeaders();
      tx.processRequestBody();
      return tx.responseHeadersWanted();
    }
  }

  private static RuleSet rules(String text) {
    return RuleSet.builder().addText(ENGINE + text, "rules.conf").build();
  }

  @Test
  void requestRulesAloneDoNotWantTheResponseHeaders() {
    assertThat(wanted(rules(PATCH))).isFalse();
  }

  @Test
  void aRuleOfPhaseThreeFourOrFiveWantsThem() {
    assertThat(wanted(rules(PATCH + "SecRule RESPONSE_HEADERS:X-Debug \"@streq on\" \"id:2,phase:3,deny\"\n")))
        .isTrue();
    assertThat(wanted(rules(PATCH + "SecRule RESPONSE_BODY \"@contains secret\" \"id:2,phase:4,deny\"\n")))
        .isTrue();
    assertThat(wanted(rules(PATCH + "SecAction \"id:2,phase:5,pass,nolog\"\n"))).isTrue();
  }

  @Test
  void anAuditLogWantsThemAndOneSwitchedOnByARuleToo() {
    List<String> lines = new ArrayList<>();
    RuleSet audited = RuleSet.builder()
        .addText(ENGINE + "SecAuditEngine On\nSecAuditLogParts ABFHZ\n" + PATCH, "rules.conf")
        .auditSink(lines::add)
        .build();
    RuleSet switchedOn = RuleSet.builder()
        .addText(ENGINE + "SecAuditEngine Off\n" + PATCH
            + "SecAction \"id:3,phase:1,pass,nolog,ctl:auditEngine=On\"\n", "rules.conf")
        .auditSink(lines::add)
        .build();
    assertThat(wanted(audited)).isTrue();
    assertThat(wanted(switchedOn)).isTrue();
  }

  @Test
  void theResponseBodyLimitsRejectActionWantsTheContentType() {
    assertThat(wanted(rules(PATCH + "SecResponseBodyLimitAction Reject\n"))).isTrue();
  }
}
