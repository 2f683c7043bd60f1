package dev.vpatch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.engine.variables.Target;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Evaluation semantics of SecLang: phases, chains, flow, variables, actions, ctl, audit. */
class RuleEvaluationTest {
  private static RuleSet rules(String text) {
    return RuleSet.builder().addText(text, "rules.conf").build();
  }

  private static Transaction request(RuleSet rules, String method, String uri, String body, String... headers) {
    Transaction tx = rules.newTransaction();
    tx.processConnection("10.0.0.1", 5555, "127.0.0.1", 80);
    tx.processUri(uri, method, "HTTP/1.1");
    for (int i = 0; i < headers.length; i += 2) tx.addRequestHeader(headers[i], headers[i + 1]);
    if (tx.processRequestHeaders() != null) return tx;
    if (body != null) {
      byte[] b = body.getBytes(StandardCharsets.ISO_8859_1);
      tx.appendRequestBody(b, 0, b.length);
    }
    tx.processRequestBody();
    return tx;
  }

  private static List<Long> ids(Transaction tx) {
    List<Long> ids = new ArrayList<>();
    for (MatchedRule m : tx.matchedRules()) ids.add(m.ruleId());
    return ids;
  }

  @Test
  void denyInterruptsWithItsStatusAndStopsLaterRules() {
    RuleSet r = rules("SecRule ARGS \"@rx evil\" \"id:1,phase:1,deny,status:406\"\nSecRule ARGS \"@rx .\" \"id:2,phase:1,pass\"");
    Transaction tx = request(r, "GET", "/?a=evil", null);
    assertThat(tx.interruption()).isEqualTo(new Interruption(1, "deny", 406, null, 1));
    assertThat(ids(tx)).containsExactly(1L);
  }

  @Test
  void detectionOnlyRecordsButNeverInterrupts() {
    RuleSet r = rules("SecRuleEngine DetectionOnly\nSecRule ARGS \"@rx evil\" \"id:1,phase:1,deny\"\nSecRule ARGS \"@rx evil\" \"id:2,phase:1,deny\"");
    Transaction tx = request(r, "GET", "/?a=evil", null);
    assertThat(tx.interruption()).isNull();
    assertThat(ids(tx)).containsExactly(1L, 2L);
    assertThat(tx.matchedRules().get(0).disruptive()).isTrue();
  }

  @Test
  void engineOffRunsNothing() {
    RuleSet r = rules("SecRuleEngine Off\nSecRule ARGS \"@rx evil\" \"id:1,phase:1,deny\"");
    assertThat(ids(request(r, "GET", "/?a=evil", null))).isEmpty();
  }

  @Test
  void chainMatchesOnlyWhenEveryLinkMatchesAndUsesTheLastMatchedVar() {
    RuleSet r =
        rules(
            "SecRule REQUEST_METHOD \"@rx ^POST$\" \"id:1,phase:2,deny,chain,logdata:'%{MATCHED_VAR_NAME}=%{MATCHED_VAR}'\"\n"
                + "  SecRule ARGS:q \"@rx x\" \"t:lowercase\"\nSecRequestBodyAccess On");
    assertThat(request(r, "GET", "/?q=X", null).interruption()).isNull();
    Transaction tx = request(r, "POST", "/?q=X", "");
    assertThat(tx.interruption()).isNotNull();
    assertThat(tx.matchedRules().get(0).data()).isEqualTo("ARGS:q=x");
  }

  @Test
  void skipAfterJumpsToTheMarker() {
    RuleSet r =
        rules(
            "SecAction \"id:1,phase:1,pass,nolog,skipAfter:END\"\n"
                + "SecAction \"id:2,phase:1,pass\"\nSecMarker END\nSecAction \"id:3,phase:1,pass\"");
    assertThat(ids(request(r, "GET", "/", null))).containsExactly(1L, 3L);
  }

  @Test
  void skipSkipsWholeChains() {
    RuleSet r =
        rules(
            "SecAction \"id:1,phase:1,pass,skip:1\"\nSecAction \"id:2,phase:1,pass,chain\"\n"
                + "  SecRule REQUEST_URI \"@rx .\" \"t:none\"\nSecAction \"id:3,phase:1,pass\"");
    assertThat(ids(request(r, "GET", "/", null))).containsExactly(1L, 3L);
  }

  @Test
  void setvarArithmeticAndMacros() {
    RuleSet r =
        rules(
            "SecAction \"id:1,phase:1,pass,nolog,setvar:tx.score=5,setvar:tx.score=+3,setvar:'tx.score=-1'\"\n"
                + "SecRule TX:score \"@rx ^7$\" \"id:2,phase:1,pass,msg:'score %{tx.score} from %{REMOTE_ADDR}'\"\n"
                + "SecAction \"id:3,phase:1,pass,nolog,setvar:!tx.score\"\n"
                + "SecRule &TX:score \"@rx ^0$\" \"id:4,phase:1,pass\"");
    Transaction tx = request(r, "GET", "/", null);
    assertThat(ids(tx)).containsExactly(1L, 2L, 3L, 4L);
    assertThat(tx.matchedRules().get(1).message()).isEqualTo("score 7 from 10.0.0.1");
    assertThat(tx.matchedRules().get(0).log()).isFalse();
  }

  @Test
  void txMembersAreFoundHoweverTheRulesSpellThemAndInWhateverOrderTransactionsSetThem() {
    // Transactions set TX members in different orders and delete some, so where a key sat in the
    // previous transaction is often wrong in the next one.
    RuleSet r =
        rules(
            "SecRule ARGS:first \"@rx .\" \"id:1,phase:1,pass,nolog,setvar:tx.a=1,setvar:tx.gone=1\"\n"
                + "SecAction \"id:2,phase:1,pass,nolog,setvar:tx.B=2,setvar:TX.Score=+%{TX.b},setvar:!tx.GONE\"\n"
                + "SecRule ARGS:later \"@rx (.)(.)\" \"id:3,phase:1,pass,nolog,capture,setvar:tx.c=%{tx.2}%{TX.1}\"\n"
                + "SecAction \"id:4,phase:1,pass,nolog,setvar:tx.a=%{tx.SCORE}\"\n"
                + "SecRule TX:SCORE \"@eq 2\" \"id:5,phase:1,pass,msg:'a=%{tx.A} b=%{Tx.b} c=%{tx.c} gone=%{tx.gone}'\"\n"
                + "SecRule &TX:Gone \"@eq 0\" \"id:6,phase:1,pass\"");
    for (int round = 0; round < 3; round++) {
      Transaction first = request(r, "GET", "/?first=x&later=yz", null);
      assertThat(ids(first)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
      assertThat(first.matchedRules().get(4).message()).isEqualTo("a=2 b=2 c=zy gone=");
      Transaction plain = request(r, "GET", "/?later=pq", null);
      assertThat(ids(plain)).containsExactly(2L, 3L, 4L, 5L, 6L);
      assertThat(plain.matchedRules().get(3).message()).isEqualTo("a=2 b=2 c=qp gone=");
    }
  }

  @Test
  void countExclusionAndRegexKeySelectors() {
    RuleSet r =
        rules(
            "SecRule &ARGS:/^id_/ \"@rx ^2$\" \"id:1,phase:1,pass\"\n"
                + "SecRule ARGS|!ARGS:safe \"@rx bad\" \"id:2,phase:1,pass\"\n"
                + "SecRule ARGS_NAMES \"@rx ^ID_B$\" \"id:3,phase:1,pass\"");
    assertThat(ids(request(r, "GET", "/?id_a=1&ID_B=2&safe=bad", null))).containsExactly(1L, 3L);
    assertThat(ids(request(r, "GET", "/?id_a=1&other=bad", null))).containsExactly(2L);
  }

  @Test
  void captureFillsTxGroups() {
    RuleSet r =
        rules(
            "SecRule REQUEST_HEADERS:Content-Type \"@rx ^([^;]+);\\s*charset=(\\S+)\" \"id:1,phase:1,pass,capture,chain\"\n"
                + "  SecRule TX:2 \"@rx ^latin1$\" \"setvar:tx.type=%{tx.1}\"\n"
                + "SecRule TX:type \"@rx ^text/html$\" \"id:2,phase:1,pass\"");
    assertThat(ids(request(r, "GET", "/", null, "Content-Type", "text/html; charset=latin1")))
        .containsExactly(1L, 2L);
  }

  @Test
  void ctlRemovesRulesAndTargetsForThisTransactionOnly() {
    RuleSet r =
        rules(
            "SecRule REQUEST_URI \"@rx ^/admin\" \"id:1,phase:1,pass,nolog,ctl:ruleRemoveById=10-11,ctl:ruleRemoveTargetById=12;ARGS:pw\"\n"
                + "SecRule ARGS \"@rx x\" \"id:10,phase:1,pass\"\nSecRule ARGS \"@rx x\" \"id:11,phase:2,pass\"\n"
                + "SecRule ARGS \"@rx x\" \"id:12,phase:2,pass\"");
    assertThat(ids(request(r, "GET", "/admin?pw=x", null))).containsExactly(1L);
    assertThat(ids(request(r, "GET", "/admin?pw=x&q=x", null))).containsExactly(1L, 12L);
    assertThat(ids(request(r, "GET", "/user?pw=x", null))).containsExactly(10L, 11L, 12L);
  }

  @Test
  void ctlRemovesTheTargetsWhoseKeysMatchItsRegexInEveryTransaction() {
    RuleSet r =
        rules(
            "SecRule REQUEST_URI \"@rx ^/api\" \"id:1,phase:1,pass,nolog,ctl:ruleRemoveTargetById=12;ARGS:/^json\\./\"\n"
                + "SecRule ARGS \"@rx x\" \"id:12,phase:2,pass\"");
    for (int round = 0; round < 3; round++) {
      assertThat(ids(request(r, "GET", "/api?json.a=x&JSON.b=x", null))).containsExactly(1L);
      assertThat(ids(request(r, "GET", "/api?json.a=x&jsonc=x", null))).containsExactly(1L, 12L);
      assertThat(ids(request(r, "GET", "/web?json.a=x", null))).containsExactly(12L);
    }
  }

  @Test
  void ctlRemovesRulesWhoseTagItsPatternFindsOrWhoseMessageItNames() {
    RuleSet r =
        rules(
            "SecRule REQUEST_URI \"@rx ^/a\" \"id:1,phase:1,pass,nolog,ctl:ruleRemoveByTag=^attack-(sqli|xss)$\"\n"
                + "SecRule REQUEST_URI \"@rx ^/m\" \"id:2,phase:1,pass,nolog,ctl:ruleRemoveByMsg=Noisy rule\"\n"
                + "SecRule REQUEST_URI \"@rx ^/b\" \"id:3,phase:1,pass,nolog,ctl:ruleRemoveByTag=odd[tag\"\n"
                + "SecRule ARGS \"@rx x\" \"id:10,phase:2,pass,tag:'attack-sqli'\"\n"
                + "SecRule ARGS \"@rx x\" \"id:11,phase:2,pass,tag:'attack-xss',msg:'Noisy rule'\"\n"
                + "SecRule ARGS \"@rx x\" \"id:12,phase:2,pass,tag:'attack-sqli-extra',tag:'odd[tag'\"");
    for (int round = 0; round < 3; round++) {
      assertThat(ids(request(r, "GET", "/a?q=x", null))).containsExactly(1L, 12L);
      assertThat(ids(request(r, "GET", "/m?q=x", null))).containsExactly(2L, 10L, 12L);
      assertThat(ids(request(r, "GET", "/b?q=x", null))).containsExactly(3L, 10L, 11L);
      assertThat(ids(request(r, "GET", "/z?q=x", null))).containsExactly(10L, 11L, 12L);
    }
  }

  @Test
  void aRemovedTargetLeavesAVariableThatSharesItsBitAlone() {
    // FILES and REQUEST_FILENAME fall on the same one of Target's 64 variable bits.
    assertThat(Target.variableBit("FILES"))
        .isEqualTo(Target.variableBit("REQUEST_FILENAME"));
    RuleSet r =
        rules(
            "SecRule REQUEST_URI \"@rx ^/\" \"id:1,phase:1,pass,nolog,ctl:ruleRemoveTargetById=10;FILES\"\n"
                + "SecRule REQUEST_FILENAME \"@rx x\" \"id:10,phase:2,pass\"");
    assertThat(ids(request(r, "GET", "/x", null))).containsExactly(1L, 10L);
    RuleSet removed =
        rules(
            "SecRule REQUEST_URI \"@rx ^/\" \"id:1,phase:1,pass,nolog,ctl:ruleRemoveTargetById=10;REQUEST_FILENAME\"\n"
                + "SecRule REQUEST_FILENAME \"@rx x\" \"id:10,phase:2,pass\"");
    assertThat(ids(request(removed, "GET", "/x", null))).containsExactly(1L);
  }

  @Test
  void ctlRemovesATargetByTagOnlyFromTaggedRulesAndOnlyThatVariable() {
    RuleSet r =
        rules(
            "SecRule REQUEST_URI \"@rx ^/\" \"id:1,phase:1,pass,nolog,ctl:ruleRemoveTargetByTag=perf;ARGS:pw\"\n"
                + "SecRule ARGS|REQUEST_FILENAME \"@rx x\" \"id:10,phase:2,pass,tag:'a',tag:'perf'\"\n"
                + "SecRule ARGS \"@rx x\" \"id:11,phase:2,pass,tag:'other'\"");
    assertThat(ids(request(r, "GET", "/?pw=x", null))).containsExactly(1L, 11L);
    assertThat(ids(request(r, "GET", "/x?pw=x", null))).containsExactly(1L, 10L, 11L);
    assertThat(ids(request(r, "GET", "/?q=x", null))).containsExactly(1L, 10L, 11L);
  }

  @Test
  void ctlRemovesATargetByTagFromTaggedRulesFarDownALongRuleSet() {
    StringBuilder text =
        new StringBuilder(
            "SecRule REQUEST_URI \"@rx ^/\" \"id:1,phase:1,pass,nolog,ctl:ruleRemoveTargetByTag=perf;ARGS:pw\"\n");
    for (int id = 2; id < 200; id++) {
      String tag = id % 70 == 0 ? "perf" : "perf" + id;
      text.append("SecRule ARGS \"@rx x\" \"id:").append(id).append(",phase:2,pass,tag:'").append(tag).append("'\"\n");
    }
    List<Long> matched = ids(request(rules(text.toString()), "GET", "/?pw=x", null));
    assertThat(matched).hasSize(199 - 2).doesNotContain(70L, 140L).contains(1L, 69L, 71L, 139L, 141L, 199L);
  }

  @Test
  void ctlRuleEngineOffStopsEnforcement() {
    RuleSet r =
        rules(
            "SecRule REMOTE_ADDR \"@rx ^10\\.\" \"id:1,phase:1,pass,nolog,ctl:ruleEngine=Off\"\n"
                + "SecRule ARGS \"@rx x\" \"id:2,phase:1,deny\"");
    assertThat(request(r, "GET", "/?a=x", null).interruption()).isNull();
  }

  @Test
  void loadTimeTargetUpdatesAndRemovals() {
    RuleSet r =
        rules(
            "SecRule ARGS \"@rx x\" \"id:1,phase:1,pass\"\nSecRule ARGS \"@rx x\" \"id:2,phase:1,pass\"\n"
                + "SecRuleUpdateTargetById 1 \"!ARGS:skip\"\nSecRuleRemoveById 2");
    assertThat(ids(request(r, "GET", "/?skip=x", null))).isEmpty();
    assertThat(ids(request(r, "GET", "/?other=x", null))).containsExactly(1L);
  }

  @Test
  void allowStopsLaterPhasesButRedirectAndDropInterrupt() {
    RuleSet r =
        rules(
            "SecRule REQUEST_URI \"@rx ^/ok\" \"id:1,phase:1,allow\"\nSecAction \"id:2,phase:2,deny\"\n"
                + "SecRule REQUEST_URI \"@rx ^/moved\" \"id:3,phase:1,redirect:'https://example.org/%{REQUEST_METHOD}'\"\n"
                + "SecRule REQUEST_URI \"@rx ^/drop\" \"id:4,phase:1,drop\"");
    assertThat(request(r, "GET", "/ok", null).interruption()).isNull();
    assertThat(request(r, "GET", "/other", null).interruption().ruleId()).isEqualTo(2);
    assertThat(request(r, "GET", "/moved", null).interruption())
        .isEqualTo(new Interruption(3, "redirect", 302, "https://example.org/GET", 1));
    assertThat(request(r, "GET", "/drop", null).interruption().action()).isEqualTo("drop");
  }

  @Test
  void requestVariablesAreFilledLikeModSecurity() {
    RuleSet r =
        rules(
            "SecRule REQUEST_FILENAME \"@rx ^/a b/c\\.php$\" \"id:1,phase:1,pass\"\n"
                + "SecRule REQUEST_BASENAME \"@rx ^c\\.php$\" \"id:2,phase:1,pass\"\n"
                + "SecRule QUERY_STRING \"@rx ^x=%41$\" \"id:3,phase:1,pass\"\n"
                + "SecRule ARGS_GET:x \"@rx ^A$\" \"id:4,phase:1,pass\"\n"
                + "SecRule REQUEST_LINE \"@rx ^GET /a%20b/c\\.php\\?x=%41 HTTP/1\\.1$\" \"id:5,phase:1,pass\"\n"
                + "SecRule REQUEST_COOKIES:sid \"@rx ^abc$\" \"id:6,phase:1,pass\"\n"
                + "SecRule REQUEST_COOKIES_NAMES \"@rx ^theme$\" \"id:7,phase:1,pass\"\n"
                + "SecRule REQUEST_HEADERS:user-agent \"@rx curl\" \"id:8,phase:1,pass\"");
    Transaction tx =
        request(r, "GET", "/a%20b/c.php?x=%41", null, "Cookie", "sid=abc; theme=dark", "User-Agent", "curl/8");
    assertThat(ids(tx)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
  }

  @Test
  void multiMatchTriesTheValueBeforeAndAfterEachTransformation() {
    RuleSet r = rules("SecRule ARGS \"@rx ^%41$\" \"id:1,phase:1,pass,t:urlDecodeUni,multiMatch\"");
    assertThat(ids(request(r, "GET", "/?a=%2541", null))).containsExactly(1L);
  }

  @Test
  void multiMatchTriesEveryIntermediateFormOfALongerChain() {
    RuleSet r =
        rules(
            "SecRule ARGS \"@rx ^%41b$\" \"id:1,phase:1,pass,t:lowercase,t:urlDecodeUni,t:removeNulls,t:uppercase,multiMatch\"\n"
                + "SecRule ARGS \"@rx ^ab$\" \"id:2,phase:1,pass,t:urlDecodeUni,t:lowercase,multiMatch\"\n"
                + "SecRule ARGS \"@rx ^AB$\" \"id:3,phase:1,pass,t:urlDecodeUni,t:lowercase,t:uppercase,multiMatch\"");
    // The value is %41B: id 1 matches after lowercase, 2 after urlDecodeUni then lowercase, 3
    // after urlDecodeUni.
    assertThat(ids(request(r, "GET", "/?a=%2541B", null))).containsExactly(1L, 2L, 3L);
    // The value is AB: id 1's forms are AB, ab (urlDecodeUni and removeNulls change nothing) and
    // AB again, which counts as a new form after ab; 2 matches ab, 3 matches AB at once.
    assertThat(ids(request(r, "GET", "/?a=%41B", null))).containsExactly(2L, 3L);
    assertThat(ids(request(r, "GET", "/?a=%2541b", null))).containsExactly(1L, 2L, 3L);
  }

  @Test
  void auditLogIsWrittenForRelevantTransactionsInModSecurityJsonLayout() {
    List<String> lines = new ArrayList<>();
    RuleSet r =
        RuleSet.builder()
            .addText(
                "SecAuditEngine RelevantOnly\nSecAuditLogParts ABFHZ\n"
                    + "SecRule ARGS \"@rx evil\" \"id:7,phase:1,deny,msg:'Evil %{MATCHED_VAR}',tag:'attack',severity:CRITICAL\"",
                "rules.conf")
            .auditSink(lines::add)
            .build();
    Transaction benign = request(r, "GET", "/?a=fine", null);
    benign.processResponseHeaders(200, "HTTP/1.1");
    benign.processLogging();
    Transaction tx = request(r, "GET", "/?a=evil", null, "Host", "example.org");
    tx.processLogging();
    assertThat(lines).hasSize(1);
    String json = lines.get(0);
    assertThat(json)
        .contains("\"transaction\":{\"client_ip\":\"10.0.0.1\"")
        .contains("\"unique_id\":\"" + tx.id() + "\"")
        .contains("\"uri\":\"/?a=evil\"")
        .contains("\"headers\":{\"Host\":\"example.org\"}")
        .contains("\"http_code\":403")
        .contains("\"message\":\"Evil evil\"")
        .contains("\"ruleId\":\"7\"")
        .contains("\"severity\":\"2\"")
        .contains("\"tags\":[\"attack\"]");
  }

  @Test
  void vpatchDefaultsMakeBlockDenyAndParseJsonBodies() {
    RuleSet r =
        RuleSet.builder()
            .addVpatchDefaults()
            .addText("SecRule ARGS:json.user.name \"@rx evil\" \"id:1,phase:2,block\"", "rules.conf")
            .build();
    Transaction tx = request(r, "POST", "/api", "{\"user\":{\"name\":\"evil\"}}", "Content-Type", "application/json");
    assertThat(tx.interruption()).isNotNull();
    assertThat(tx.interruption().status()).isEqualTo(403);
    Transaction broken = request(r, "POST", "/api", "{\"user\":", "Content-Type", "application/json");
    assertThat(broken.interruption().ruleId()).isEqualTo(200002);
    assertThat(broken.interruption().status()).isEqualTo(400);
  }

  @Test
  void unicodeMapFileAppliesToEveryUrlDecodeUniWhereverTheDirectiveStands(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Files.writeString(dir.resolve("unicode.mapping"), "20127 (US-ASCII)\n00e9:65 00c0:41\n");
    java.nio.file.Path rulesFile = dir.resolve("rules.conf");
    java.nio.file.Files.writeString(
        rulesFile,
        "SecRule ARGS \"@rx ^cafe$\" \"id:1,phase:1,pass,t:urlDecodeUni\"\nSecUnicodeMapFile unicode.mapping 20127\n");
    RuleSet r = RuleSet.builder().addFile(rulesFile).build();
    assertThat(ids(request(r, "GET", "/?a=caf%25u00e9", null))).containsExactly(1L);
  }
}
