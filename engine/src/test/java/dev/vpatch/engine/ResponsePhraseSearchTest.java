package dev.vpatch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.engine.operators.GroupedPhraseSearch;
import dev.vpatch.engine.rules.CompiledRuleSet;
import dev.vpatch.engine.rules.Rule;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The response phases' phrase searches share one scan per value (a phrase group) and answer
 * exactly as each search alone: which rules match, negated or not, and the phrase each captures.
 */
class ResponsePhraseSearchTest {
  private static final String RULES =
      "SecRuleEngine On\nSecResponseBodyAccess On\nSecResponseBodyMimeType text/html\n"
          + "SecRule RESPONSE_BODY \"@pm mysql_fetch ORA-0\" \"id:1,phase:4,pass,log,capture,logdata:'%{TX.0}'\"\n"
          + "SecRule RESPONSE_BODY \"@pm Warning: include(\" \"id:2,phase:4,pass,log,capture,logdata:'%{TX.0}'\"\n"
          + "SecRule RESPONSE_BODY \"!@pm <html\" \"id:3,phase:4,pass,log\"\n"
          + "SecRule RESPONSE_BODY \"@pm trace\" \"id:4,phase:4,pass,log,chain,logdata:'%{TX.0}'\"\n"
          + "  SecRule RESPONSE_BODY \"@pm stack\" \"capture\"\n"
          + "SecRule REQUEST_URI \"@pm ORA-0\" \"id:5,phase:1,pass,log\"\n";

  private static final RuleSet RULE_SET = RuleSet.builder().addText(RULES, "rules").build();

  /** Rule id → logdata of every logged match for a response with this body. */
  private static Map<Long, String> respond(String body) {
    try (Transaction tx = RULE_SET.newTransaction()) {
      tx.processConnection("127.0.0.1", 40000, "127.0.0.1", 80);
      tx.processUri("/page", "GET", "HTTP/1.1");
      tx.addRequestHeader("Host", "localhost");
      tx.processRequestHeaders();
      tx.processRequestBody();
      tx.addResponseHeader("Content-Type", "text/html");
      tx.processResponseHeaders(200, "HTTP/1.1");
      byte[] bytes = ByteStrings.bytes(body);
      tx.appendResponseBody(bytes, 0, bytes.length);
      tx.processResponseBody();
      tx.processLogging();
      return LoggedMatches.of(tx);
    }
  }

  @Test
  void theResponsePhasesPhraseSearchesAreGroupedAndTheRequestPhasesAreNot() {
    CompiledRuleSet compiled = (CompiledRuleSet) RULE_SET;
    int grouped = 0;
    for (Rule rule : compiled.phase(4)) {
      for (Rule link = rule; link != null; link = link.next()) {
        if (link.operator() instanceof GroupedPhraseSearch) grouped++;
      }
    }
    assertThat(grouped).isEqualTo(5);
    for (Rule rule : compiled.phase(1)) assertThat(rule.operator()).isNotInstanceOf(GroupedPhraseSearch.class);
  }

  @Test
  void eachRuleMatchesAndCapturesAsItsOwnSearchWould() {
    assertThat(respond("<html>fatal: ora-01756 quoted string</html>")).containsOnly(Map.entry(1L, "ORA-0"));
    assertThat(respond("<HTML><b>Warning</b>: include(x.php)")).containsOnly(Map.entry(2L, "include("));
    assertThat(respond("plain text")).containsOnly(Map.entry(3L, ""));
    assertThat(respond("<html>Stack TRACE: mysql_fetch_array()")).containsOnly(Map.entry(1L, "mysql_fetch"), Map.entry(4L, "stack"));
    assertThat(respond("<html>trace only</html>")).isEmpty();
  }
}
