package dev.vpatch.ftw.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.engine.RuleSet;
import dev.vpatch.ftw.http.RawRequestBuilder;
import dev.vpatch.ftw.model.HeaderField;
import dev.vpatch.ftw.model.StageInput;
import dev.vpatch.ftw.support.EngineAvailability;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-process target drives a real transaction; skipped while the engine is incomplete. */
class InProcessTargetTest {
  private static final String RULES = """
      SecRuleEngine DetectionOnly
      SecRequestBodyAccess On
      SecResponseBodyAccess On
      SecResponseBodyMimeType text/plain
      SecRule ARGS:q "@contains attack" "id:1,phase:2,pass,log,msg:'attack in q'"
      SecRule REQUEST_PROTOCOL "@streq HTTP/0.9" "id:2,phase:1,pass,log"
      SecRule RESPONSE_BODY "@contains leak" "id:3,phase:4,pass,log"
      SecRule ARGS:q "@contains quiet" "id:4,phase:2,pass,nolog"
      """;

  @Test
  void logsMatchedRulesOfRequestAndResponse() {
    InProcessTarget target = target(RULES);

    StageOutcome query = send(target, input("GET", "/?q=attack", null));
    StageOutcome body = send(target, input("POST", "/", "q=an attack"));
    StageOutcome response = send(target, input("POST", "/reflect", "{\"body\": \"a leak\"}",
        new HeaderField("Content-Type", "application/json")));
    StageOutcome quiet = send(target, input("GET", "/?q=quiet", null));

    assertThat(query.status()).isEqualTo(200);
    assertThat(query.loggedRuleIds()).containsExactly(1L);
    assertThat(query.log()).contains("[id \"1\"]").contains("[msg \"attack in q\"]");
    assertThat(body.loggedRuleIds()).containsExactly(1L);
    assertThat(response.loggedRuleIds()).containsExactly(3L);
    assertThat(quiet.loggedRuleIds()).isEmpty();
  }

  @Test
  void enforcesInterruptionsOnlyWhenTheEngineIsOn() {
    String deny = "SecRuleEngine On\nSecRule ARGS:q \"@contains attack\" \"id:5,phase:1,deny,status:406,log\"\n";

    StageOutcome outcome = send(target(deny), input("GET", "/?q=attack", null));

    assertThat(outcome.status()).isEqualTo(406);
    assertThat(outcome.loggedRuleIds()).containsExactly(5L);
    assertThat(send(target(deny.replace("On", "DetectionOnly")), input("GET", "/?q=attack", null)).status()).isEqualTo(200);
  }

  @Test
  void rejectedRequestsNeverReachTheEngine() {
    StageOutcome outcome = send(target(RULES), input("GET", "/?q=attack#x", null));

    assertThat(outcome.status()).isEqualTo(400);
    assertThat(outcome.loggedRuleIds()).isEmpty();
  }

  @Test
  void simpleRequestsRunTheEngineButGetNoStatusLine() {
    StageInput input = new StageInput("localhost", 80, "http", "GET", "/", "", List.of(), null, null, null, true, false, false);

    StageOutcome outcome = send(target(RULES), input);

    assertThat(outcome.error()).contains("HTTP/0.9");
    assertThat(outcome.loggedRuleIds()).containsExactly(2L);
  }

  @Test
  void incompleteBodiesTimeOutAfterPhaseOne() {
    byte[] raw = ("POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        + "Content-Length: 30\r\n\r\nq=attack").getBytes(StandardCharsets.US_ASCII);

    StageOutcome outcome = EngineAvailability.orSkip(() -> target(RULES).send(input("POST", "/", null), raw));

    assertThat(outcome.error()).startsWith("timeout");
    assertThat(outcome.loggedRuleIds()).doesNotContain(1L);
  }

  private static InProcessTarget target(String rules) {
    RuleSet ruleSet = EngineAvailability.orSkip(() -> RuleSet.builder().addText(rules, "test.conf").build());
    return new InProcessTarget(ruleSet);
  }

  private static StageOutcome send(InProcessTarget target, StageInput input) {
    return EngineAvailability.orSkip(() -> target.send(input, RawRequestBuilder.build(input)));
  }

  private static StageInput input(String method, String uri, String data, HeaderField... extra) {
    List<HeaderField> headers = new java.util.ArrayList<>(List.of(new HeaderField("Host", "localhost")));
    headers.addAll(List.of(extra));
    return new StageInput("localhost", 80, "http", method, uri, "HTTP/1.1", headers, data, null, null, true, false, false);
  }
}
