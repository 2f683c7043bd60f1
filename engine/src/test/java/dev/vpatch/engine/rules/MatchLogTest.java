package dev.vpatch.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.engine.MatchedRule;
import dev.vpatch.engine.RuleSet;
import dev.vpatch.engine.Transaction;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchLogTest {
  private static final String RULES = String.join("\n",
      "SecRuleEngine DetectionOnly",
      "SecRule ARGS:a \"@rx x\" \"id:1,phase:1,pass,nolog,setvar:tx.seen=1\"",
      "SecRule ARGS:a \"@rx x\" \"id:2,phase:1,pass,log,msg:'a is %{MATCHED_VAR}',logdata:'%{TX.seen}',severity:2,tag:t1\"",
      "SecRule ARGS:a \"@rx x\" \"id:3,phase:1,deny,nolog\"",
      "SecRule REQUEST_URI \"@rx /\" \"id:4,phase:2,pass,nolog\"",
      "SecRule REQUEST_URI \"@rx /\" \"id:5,phase:2,pass,log\"");

  private static Transaction run(String uri, boolean bodyPhase) {
    Transaction tx = RuleSet.builder().addText(RULES, "rules.conf").build().newTransaction();
    tx.processConnection("10.0.0.1", 5555, "127.0.0.1", 80);
    tx.processUri(uri, "GET", "HTTP/1.1");
    tx.processRequestHeaders();
    if (bodyPhase) tx.processRequestBody();
    return tx;
  }

  @Test
  void matchedRulesListsEveryMatchInOrderWithWhatTheMomentOfTheMatchKnew() {
    Transaction tx = run("/?a=x", false);

    List<MatchedRule> matched = tx.matchedRules();

    assertThat(matched).extracting(MatchedRule::ruleId).containsExactly(1L, 2L, 3L);
    MatchedRule logged = matched.get(1);
    assertThat(logged.message()).isEqualTo("a is x");
    assertThat(logged.data()).isEqualTo("1");
    assertThat(logged.variable()).isEqualTo("ARGS:a");
    assertThat(logged.value()).isEqualTo("x");
    assertThat(logged.severity()).isEqualTo(2);
    assertThat(logged.tags()).containsExactly("t1");
    assertThat(logged.file()).isEqualTo("rules.conf");
    assertThat(logged.line()).isEqualTo(3);
    assertThat(logged.log()).isTrue();
    assertThat(logged.disruptive()).isFalse();
    assertThat(matched.get(0).log()).isFalse();
    assertThat(matched.get(2).disruptive()).isTrue();
  }

  @Test
  void reportedRulesLeaveOutOnlyTheNologRulesThatDoNotBlock() {
    Transaction tx = run("/?a=x", true);

    assertThat(tx.reportedRules()).extracting(MatchedRule::ruleId).containsExactly(2L, 3L, 5L);
    assertThat(tx.matchedRules()).extracting(MatchedRule::ruleId).containsExactly(1L, 2L, 3L, 4L, 5L);
  }

  @Test
  void aListTakenEarlierKeepsItsMatchesAndLaterListsAddTheNewOnes() {
    Transaction tx = run("/?a=x", false);
    List<MatchedRule> afterPhaseOne = tx.reportedRules();

    tx.processRequestBody();

    assertThat(afterPhaseOne).extracting(MatchedRule::ruleId).containsExactly(2L, 3L);
    assertThat(tx.reportedRules()).extracting(MatchedRule::ruleId).containsExactly(2L, 3L, 5L);
    assertThat(tx.reportedRules().get(0)).isSameAs(afterPhaseOne.get(0));
  }

  @Test
  void aTransactionWithoutMatchesHasEmptyLists() {
    Transaction tx = run("/?a=y", false);

    assertThat(tx.matchedRules()).isEmpty();
    assertThat(tx.reportedRules()).isEmpty();
  }
}
