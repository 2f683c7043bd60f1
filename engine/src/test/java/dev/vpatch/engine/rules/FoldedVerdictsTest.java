package dev.vpatch.engine.rules;

import static dev.vpatch.engine.rules.BlockComparison.BLOCKER;
import static dev.vpatch.engine.rules.BlockComparison.compile;
import static dev.vpatch.engine.rules.BlockComparison.describe;
import static dev.vpatch.engine.rules.BlockComparison.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.engine.MatchedRule;
import dev.vpatch.engine.Transaction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rules after the constant block that read only TX members the block set and no rule since may
 * have written get their verdict when the rule set is compiled; a transaction that took the block
 * over (and removed no TX target) uses it instead of evaluating the rule. What it reports must not
 * change: every case is compared with the same rules evaluated one by one (behind the blocker).
 */
class FoldedVerdictsTest {
  private static final String RULES = String.join("\n",
      "SecAction \"id:10,phase:1,pass,nolog,setvar:tx.level=1,setvar:tx.limit=5\"",
      "SecRule &TX:limit \"@eq 0\" \"id:11,phase:1,pass,nolog,setvar:tx.limit=7\"",
      // Gates: level 1, so the first skips nothing and the second skips the level-2 rules.
      "SecRule TX:level \"@lt 1\" \"id:20,phase:1,pass,nolog,skipAfter:END-1\"",
      "SecRule ARGS \"@streq one\" \"id:21,phase:1,pass,log,msg:'level 1'\"",
      "SecRule TX:level \"@lt 2\" \"id:22,phase:1,pass,nolog,skipAfter:END-1\"",
      "SecRule ARGS \"@streq two\" \"id:23,phase:1,deny,status:403,msg:'level 2'\"",
      "SecMarker END-1",
      // A SecAction after a folded match records the MATCHED_VAR that match left.
      "SecAction \"id:24,phase:1,pass,nolog\"",
      // A request may raise the limit: from here on TX:limit is not stable.
      "SecRule ARGS:limit \"@rx ^[0-9]+$\" \"id:30,phase:1,pass,nolog,setvar:tx.limit=%{MATCHED_VAR}\"",
      "SecRule TX:limit \"@gt 8\" \"id:31,phase:1,deny,status:429\"",
      // Removes the TX target of rule 41 for /nogate: no folded verdict may stand for it then.
      "SecRule REQUEST_URI \"@contains nogate\" \"id:40,phase:1,pass,nolog,ctl:ruleRemoveTargetById=41;TX:level\"",
      "SecRule TX:level \"@eq 1\" \"id:41,phase:2,pass,log,msg:'level %{tx.level}'\"",
      "SecRule TX:level \"@lt 1\" \"id:50,phase:3,pass,nolog,skipAfter:END-3\"",
      "SecRule TX:level \"@ge 1\" \"id:51,phase:3,pass,log,msg:'response at level %{tx.level}'\"",
      "SecMarker END-3",
      "");

  static Stream<String> requests() {
    return Stream.of("/", "/?a=one", "/?a=two", "/?limit=9", "/?limit=3", "/nogate", "/nogate?limit=12&a=one");
  }

  @Test
  void gatesAfterTheBlockAreFoldedAndRulesReadingAChangedMemberAreNot() {
    CompiledRuleSet rules = compile(RULES);

    assertThat(rules.constantBlockInUse()).isEqualTo(new ConstantBlock(0, 2));
    Rule[] phaseOne = rules.phase(1);
    FoldedVerdict[] verdicts = rules.foldedVerdicts(1);
    assertThat(verdictOf(phaseOne, verdicts, 20L)).isEqualTo(FoldedVerdict.NO_MATCH);
    assertThat(verdictOf(phaseOne, verdicts, 22L).matched()).isTrue();
    assertThat(verdictOf(phaseOne, verdicts, 22L).variableName()).isEqualTo("TX:level");
    assertThat(verdictOf(phaseOne, verdicts, 31L)).isNull();
    assertThat(verdictOf(rules.phase(2), rules.foldedVerdicts(2), 41L).matched()).isTrue();
    assertThat(verdictOf(rules.phase(3), rules.foldedVerdicts(3), 51L).matched()).isTrue();
    assertThat(compile(BLOCKER + RULES).foldedVerdicts(1)).isNull();
  }

  @ParameterizedTest
  @MethodSource("requests")
  void aTransactionReportsWhatEvaluatingEveryRuleWouldHaveGiven(String uri) {
    Transaction folded = run(compile(RULES), uri);
    Transaction evaluated = run(compile(BLOCKER + RULES), uri);

    assertThat(describe(folded.matchedRules())).isEqualTo(describe(evaluated.matchedRules()));
    assertThat(describe(folded.interruption())).isEqualTo(describe(evaluated.interruption()));
  }

  @Test
  void aRequestThatChangesTheMemberAGateReadsGetsItsOwnVerdict() {
    assertThat(run(compile(RULES), "/?limit=9").interruption().status()).isEqualTo(429);
    assertThat(run(compile(RULES), "/?limit=3").interruption()).isNull();
  }

  @Test
  void aRemovedTxTargetTurnsTheFoldedVerdictsOff() {
    Transaction removed = run(compile(RULES), "/nogate");
    Transaction kept = run(compile(RULES), "/");

    assertThat(removed.matchedRules()).extracting(MatchedRule::ruleId).doesNotContain(41L);
    assertThat(kept.matchedRules()).extracting(MatchedRule::ruleId).contains(41L);
    assertThat(kept.matchedRules()).filteredOn(m -> m.ruleId() == 41L).first()
        .extracting(MatchedRule::message).isEqualTo("level 1");
  }

  @Test
  void aFoldedMatchLeavesItsMatchedVarForTheNextRule() {
    Transaction tx = run(compile(RULES), "/");

    MatchedRule secAction = tx.matchedRules().stream().filter(m -> m.ruleId() == 24L).findFirst().orElseThrow();
    assertThat(secAction.variable()).isEqualTo("TX:level");
    assertThat(secAction.value()).isEqualTo("1");
  }

  private static FoldedVerdict verdictOf(Rule[] phase, FoldedVerdict[] verdicts, long id) {
    for (int i = 0; i < phase.length; i++) {
      if (!phase[i].isMarker() && phase[i].id() == id) return verdicts == null ? null : verdicts[i];
    }
    throw new AssertionError("no rule " + id);
  }
}
