package dev.vpatch.engine.rules;

import static dev.vpatch.engine.rules.BlockComparison.compile;
import static dev.vpatch.engine.rules.BlockComparison.crsRules;
import static dev.vpatch.engine.rules.BlockComparison.describe;
import static dev.vpatch.engine.rules.BlockComparison.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.engine.MatchedRule;
import dev.vpatch.engine.RuleSet;
import dev.vpatch.engine.Transaction;
import dev.vpatch.engine.operators.CrsRuleFiles;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A transaction takes the outcome of phase 1's constant block over instead of evaluating it; what
 * it then holds and reports must be exactly what evaluating the block gives. Each comparison runs
 * the same rules twice: as they are, and behind a first rule that writes TX after reading the
 * request, which keeps any block from being taken over.
 */
class ConstantBlockTest {
  private static final String BLOCKER = BlockComparison.BLOCKER;

  private static final String RULES = String.join("\n",
      "SecRule REQUEST_HEADERS:Content-Type \"@rx ^application/json\" \"id:1,phase:1,pass,nolog,ctl:requestBodyProcessor=JSON\"",
      "SecRule &TX:limit \"@eq 0\" \"id:10,phase:1,pass,nolog,setvar:tx.limit=5\"",
      "SecRule &TX:critical \"@eq 0\" \"id:11,phase:1,pass,nolog,setvar:tx.critical=5\"",
      "SecAction \"id:12,phase:1,pass,nolog,severity:4,setvar:tx.score=0,setvar:tx.words=/select/ /union/\"",
      "SecRule TX:limit \"@gt %{tx.critical}\" \"id:13,phase:1,deny,status:500\"",
      "SecRule TX:limit \"@eq 5\" \"id:14,phase:1,pass,log,msg:'limit %{tx.limit}',logdata:'%{tx.words}'\"",
      "SecRule REQUEST_URI \"@contains admin\" \"id:20,phase:1,pass,log,msg:'admin, limit %{tx.limit}'\"",
      "SecRule ARGS \"@rx (?i)union|select\" \"id:30,phase:2,pass,log,capture,msg:'%{MATCHED_VAR_NAME}',"
          + "setvar:tx.score=+%{tx.critical}\"",
      "SecRule TX:score \"@ge %{tx.limit}\" \"id:31,phase:2,deny,status:403,logdata:'%{tx.score} %{tx.0}'\"",
      "");

  static Stream<String> requests() {
    return Stream.of("/", "/admin?x=1", "/?q=union+select", "/?a=select&b=UNION");
  }

  @Test
  void findsTheRunOfTxOnlyRulesAfterRulesThatLeaveTxAlone() {
    CompiledRuleSet rules = compile(RULES);

    assertThat(rules.constantBlockInUse()).isEqualTo(new ConstantBlock(1, 6));
    assertThat(compile(BLOCKER + RULES).constantBlockInUse()).isNull();
  }

  @ParameterizedTest
  @MethodSource("requests")
  void aTransactionReportsWhatEvaluatingTheBlockWouldHaveGiven(String uri) {
    Transaction withBlock = run(compile(RULES), uri);
    Transaction evaluated = run(compile(BLOCKER + RULES), uri);

    assertThat(describe(withBlock.matchedRules()))
        .isEqualTo(describe(evaluated.matchedRules().stream().filter(m -> m.ruleId() != 99).toList()));
    assertThat(describe(withBlock.interruption())).isEqualTo(describe(evaluated.interruption()));
  }

  @Test
  void aMatchWithoutAVariableInTheBlockRecordsWhatTheRuleBeforeMatched() {
    Transaction withBlock = run(compile(RULES), "/", "application/json");
    Transaction evaluated = run(compile(BLOCKER + RULES), "/", "application/json");

    assertThat(withBlock.matchedRules()).extracting(MatchedRule::ruleId).startsWith(1L, 10L, 11L, 12L);
    assertThat(withBlock.matchedRules().get(3).variable()).isEqualTo("TX");
    assertThat(describe(withBlock.matchedRules())).isEqualTo(describe(evaluated.matchedRules()));
    Transaction secActionFirst = run(compile(RULES.replace("SecRule &TX:limit \"@eq 0\" \"id:10,", "SecAction \"id:10,")),
        "/", "application/json");
    assertThat(secActionFirst.matchedRules().get(1).variable()).isEqualTo("REQUEST_HEADERS:Content-Type");
    assertThat(secActionFirst.matchedRules().get(1).value()).isEqualTo("application/json");
  }

  @Test
  void theBlocksMatchesComeInTheirPlaceWithTheirMessages() {
    Transaction tx = run(compile(RULES), "/admin");

    assertThat(tx.matchedRules()).extracting(MatchedRule::ruleId).containsExactly(10L, 11L, 12L, 14L, 20L);
    assertThat(tx.matchedRules().get(3).message()).isEqualTo("limit 5");
    assertThat(tx.matchedRules().get(3).data()).isEqualTo("/select/ /union/");
    assertThat(tx.matchedRules().get(4).message()).isEqualTo("admin, limit 5");
  }

  @Test
  void aBlockWhoseDenyRuleMatchesIsEvaluatedByEveryTransaction() {
    String rules = "SecRule &TX:missing \"@eq 0\" \"id:40,phase:1,deny,status:500\"\n" + RULES;

    assertThat(compile(rules).constantBlockInUse()).isNull();
    Transaction tx = run(compile(rules), "/");
    assertThat(tx.interruption()).isNotNull();
    assertThat(tx.interruption().status()).isEqualTo(500);
  }

  @Test
  void aSkipLandingInsideTheBlockEvaluatesTheRestOfItRuleByRule() {
    int afterFirst = RULES.indexOf('\n') + 1;
    String rules = RULES.substring(0, afterFirst) + "SecAction \"id:2,phase:1,pass,nolog,skip:1\"\n"
        + RULES.substring(afterFirst) + "SecRule &TX:limit \"@eq 0\" \"id:50,phase:1,deny,status:418\"\n";

    assertThat(compile(rules).constantBlockInUse()).isNotNull();
    Transaction tx = run(compile(rules), "/");
    // id 10 was skipped, so TX:limit was never set.
    assertThat(tx.matchedRules()).extracting(MatchedRule::ruleId).containsExactly(2L, 11L, 12L, 50L);
    assertThat(tx.interruption().status()).isEqualTo(418);
  }

  @Test
  void aRuleThatWritesTxFromTheRequestBeforeTheRunLeavesNoBlock() {
    assertThat(ConstantBlock.find(compile(BLOCKER + RULES).phase(1))).isNull();
    String capture = "SecRule REQUEST_URI \"@rx (.)\" \"id:3,phase:1,pass,nolog,capture\"\n";
    assertThat(ConstantBlock.find(compile(capture + RULES).phase(1))).isNull();
    String removal = "SecRule REQUEST_URI \"@rx x\" \"id:4,phase:1,pass,nolog,ctl:ruleRemoveById=10\"\n";
    assertThat(ConstantBlock.find(compile(removal + RULES).phase(1))).isNull();
  }

  @Test
  void rulesThatReadTheRequestOrWriteOtherCollectionsAreNotConstant() {
    Rule[] phase = compile(String.join("\n",
        "SecRule &TX:a \"@eq 0\" \"id:1,phase:1,pass,nolog,setvar:tx.a=%{REQUEST_URI}\"",
        "SecRule TX:a \"@eq 0\" \"id:2,phase:1,pass,nolog,setvar:ip.a=1\"",
        "SecRule TX:a \"@detectSQLi\" \"id:3,phase:1,pass,nolog\"",
        "SecRule TX:a \"@eq %{REMOTE_ADDR}\" \"id:4,phase:1,pass,nolog\"",
        "SecRule TX:a \"@eq 1\" \"id:5,phase:1,pass,nolog,msg:'%{REQUEST_URI}'\"",
        "SecRule TX:a \"@eq 1\" \"id:6,phase:1,pass,nolog,chain\"",
        "  SecRule ARGS \"@eq 1\" \"\"",
        "SecRule TX:a \"@eq 1\" \"id:7,phase:1,pass,nolog,skipAfter:END\"",
        "SecMarker END",
        "")).phase(1);

    assertThat(phase).filteredOn(rule -> !rule.isMarker()).noneMatch(ConstantBlock::isConstant);
  }

  @Test
  void withTheEngineOffNothingIsTakenOver() {
    Transaction tx = run(compile("SecRuleEngine Off\n" + RULES), "/");

    assertThat(tx.matchedRules()).isEmpty();
  }

  @Test
  void crsTransactionsReportWhatEvaluatingItsInitialisationGives() throws Exception {
    String crs = CrsRuleFiles.crsDirectory().toString();
    RuleSet withBlock = crsRules(crs, "");
    RuleSet evaluated = crsRules(crs, BLOCKER);
    assertThat(((CompiledRuleSet) withBlock).constantBlockInUse()).isNotNull();

    for (String uri : List.of("/", "/index.php?id=1&name=alice", "/?id=1'+or+1=1--", "/?x=<script>alert(1)</script>",
        "/a/../../etc/passwd")) {
      Transaction a = run(withBlock, uri);
      Transaction b = run(evaluated, uri);
      assertThat(describe(a.matchedRules()))
          .as(uri)
          .isEqualTo(describe(b.matchedRules().stream().filter(m -> m.ruleId() != 99).toList()));
      assertThat(describe(a.interruption())).as(uri).isEqualTo(describe(b.interruption()));
    }
  }
}
