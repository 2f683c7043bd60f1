package dev.vpatch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A connector buffers a response body only when something reads it: a rule of phase 4 or 5, the
 * audit log's part E, or the limit's Reject action. Otherwise it streams the body, and nothing can
 * tell the difference.
 */
class ResponseBodyAccessTest {
  private static final String ACCESS =
      "SecRuleEngine On\nSecResponseBodyAccess On\nSecResponseBodyMimeType text/html\n"
          + "SecResponseBodyLimitAction ProcessPartial\n";

  private static boolean buffers(RuleSet rules) {
    try (Transaction tx = rules.newTransaction()) {
      tx.processConnection("127.0.0.1", 40000, "127.0.0.1", 80);
      tx.processUri("/page", "GET", "HTTP/1.1");
      tx.processRequestHeaders();
      tx.processRequestBody();
      tx.addResponseHeader("Content-Type", "text/html; charset=utf-8");
      tx.processResponseHeaders(200, "HTTP/1.1");
      return tx.responseBodyAccess();
    }
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
}
