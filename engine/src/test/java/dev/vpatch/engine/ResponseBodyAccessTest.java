package dev.vpatch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A connector hands over what it has of a response only when something reads it. It buffers the
 * body for a rule of phase 4 or 5, the audit log's part E, or the limit's Reject action; it
 * passes the header fields for a rule of phase 3, 4 or 5, the audit log, or a body that may be
 * buffered (its Content-Type decides). Otherwise nothing could tell the difference.
 */
class ResponseBodyAccessTest {
  private static final String ACCESS =
      "SecRuleEngine On\nSecResponseBodyAccess On\nSecResponseBodyMimeType text/html\n"
          + "SecResponseBodyLimitAction ProcessPartial\n";
  private static final String PATCH = "SecRule ARGS:reqID \"!@rx ^[0-9]+$\" \"id:1,phase:2,deny\"\n";

  /** Runs the request phases of a page view, then asks {@code question}. */
  private static <T> T afterTheRequest(RuleSet rules, Function<Transaction, T> question) {
    try (Transaction tx = rules.newTransaction()) {
      tx.processConnection("127.0.0.1", 40000, "127.0.0.1", 80);
      tx.processUri("/page?reqID=1", "GET", "HTTP/1.1");
      tx.processRequestHeaders();
      tx.processRequestBody();
      return question.apply(tx);
    }
  }

  private static boolean buffers(RuleSet rules) {
    return afterTheRequest(rules, tx -> {
      tx.addResponseHeader("Content-Type", "text/html; charset=utf-8");
      tx.processResponseHeaders(200, "HTTP/1.1");
      return tx.responseBodyAccess();
    });
  }

  private static boolean wantsHeaders(RuleSet rules) {
    return afterTheRequest(rules, Transaction::responseHeadersWanted);
  }

  private static RuleSet rules(String text) {
    return RuleSet.builder().addText(ACCESS + text, "rules.conf").build();
  }

  @Test
  void requestRulesAloneLeaveTheResponseBodyStreaming() {
    assertThat(buffers(rules("SecRule ARGS \"@rx evil\" \"id:1,phase:2,deny\"\n"
        + "SecRule RESPONSE_STATUS \"@eq 500\" \"id:2,phase:3,pass,log\"\n"))).isFalse();
  }

  @Test
  void aRuleOfPhaseFourOrFiveBuffersTheResponseBody() {
    assertThat(buffers(rules("SecRule RESPONSE_BODY \"@contains secret\" \"id:1,phase:4,deny\"\n"))).isTrue();
    assertThat(buffers(rules("SecRule RESPONSE_BODY \"@contains secret\" \"id:1,phase:5,pass,log\"\n"))).isTrue();
    assertThat(buffers(rules("SecAction \"id:1,phase:4,pass,nolog\"\n"))).isTrue();
  }

  @Test
  void anAuditLogWithPartEBuffersTheResponseBodyAndOneWithoutDoesNot() {
    List<String> lines = new ArrayList<>();
    RuleSet withBody = RuleSet.builder()
        .addText(ACCESS + "SecAuditEngine On\nSecAuditLogParts ABEFHZ\n", "rules.conf")
        .auditSink(lines::add)
        .build();
    RuleSet withoutBody = RuleSet.builder()
        .addText(ACCESS + "SecAuditEngine On\nSecAuditLogParts ABFHZ\n", "rules.conf")
        .auditSink(lines::add)
        .build();
    RuleSet auditOff = RuleSet.builder()
        .addText(ACCESS + "SecAuditEngine Off\nSecAuditLogParts ABEFHZ\n", "rules.conf")
        .auditSink(lines::add)
        .build();
    assertThat(buffers(withBody)).isTrue();
    assertThat(buffers(withoutBody)).isFalse();
    assertThat(buffers(auditOff)).isFalse();
  }

  @Test
  void theLimitsRejectActionKeepsBufferingSoThatAnOversizedBodyIsStillRefused() {
    assertThat(buffers(rules("SecResponseBodyLimitAction Reject\n"))).isTrue();
  }

  @Test
  void aListedTypeIsStillRequiredAndAccessOffStillWins() {
    String phase4 = "SecRule RESPONSE_BODY \"@contains secret\" \"id:1,phase:4,deny\"\n";
    assertThat(buffers(rules("SecResponseBodyMimeTypesClear\nSecResponseBodyMimeType text/plain\n" + phase4))).isFalse();
    assertThat(buffers(rules("SecResponseBodyAccess Off\n" + phase4))).isFalse();
  }

  @Test
  void requestRulesAloneDoNotWantTheResponseHeaders() {
    assertThat(wantsHeaders(rules(PATCH))).isFalse();
  }

  @Test
  void aRuleOfPhaseThreeFourOrFiveWantsTheResponseHeaders() {
    assertThat(wantsHeaders(rules(PATCH + "SecRule RESPONSE_HEADERS:X-Debug \"@streq on\" \"id:2,phase:3,deny\"\n")))
        .isTrue();
    assertThat(wantsHeaders(rules(PATCH + "SecRule RESPONSE_BODY \"@contains secret\" \"id:2,phase:4,deny\"\n")))
        .isTrue();
    assertThat(wantsHeaders(rules(PATCH + "SecAction \"id:2,phase:5,pass,nolog\"\n"))).isTrue();
  }

  @Test
  void anAuditLogWantsTheResponseHeadersAndOneSwitchedOnByARuleToo() {
    List<String> lines = new ArrayList<>();
    RuleSet audited = RuleSet.builder()
        .addText(ACCESS + "SecAuditEngine On\nSecAuditLogParts ABFHZ\n" + PATCH, "rules.conf")
        .auditSink(lines::add)
        .build();
    RuleSet switchedOn = RuleSet.builder()
        .addText(ACCESS + "SecAuditEngine Off\n" + PATCH
            + "SecAction \"id:3,phase:1,pass,nolog,ctl:auditEngine=On\"\n", "rules.conf")
        .auditSink(lines::add)
        .build();
    assertThat(wantsHeaders(audited)).isTrue();
    assertThat(wantsHeaders(switchedOn)).isTrue();
  }

  @Test
  void theResponseBodyLimitsRejectActionWantsTheContentType() {
    assertThat(wantsHeaders(rules(PATCH + "SecResponseBodyLimitAction Reject\n"))).isTrue();
  }
}
