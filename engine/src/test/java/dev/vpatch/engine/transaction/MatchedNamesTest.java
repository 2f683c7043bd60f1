package dev.vpatch.engine.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.engine.MatchedRule;
import dev.vpatch.engine.RuleSet;
import dev.vpatch.engine.Transaction;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class MatchedNamesTest {
  @RepeatedTest(10)
  void aCachedNameIsAlwaysTheConcatenationOfItsVariableAndKey(RepetitionInfo repetition) {
    Random random = new Random(31L * repetition.getCurrentRepetition());
    MatchedNames names = new MatchedNames();
    String[] variables = {"ARGS", "ARGS_GET", "TX", "REQUEST_HEADERS", new String("TX")};
    String[] keys = new String[300];
    for (int i = 0; i < keys.length; i++) keys[i] = random.nextInt(4) == 0 ? "k" : "key" + random.nextInt(40);
    for (int probe = 0; probe < 5_000; probe++) {
      String variable = variables[random.nextInt(variables.length)];
      String key = keys[random.nextInt(keys.length)];
      assertThat(names.of(variable, key)).isEqualTo(variable + ":" + key);
    }
    assertThat(names.of("REQUEST_URI", null)).isEqualTo("REQUEST_URI");
  }

  @Test
  void theSameMemberMatchedThroughTwoVariablesIsNamedAfterEach() {
    String rules = String.join("\n",
        "SecRule ARGS \"@rx x\" \"id:1,phase:1,pass,log,logdata:'%{MATCHED_VAR_NAME}'\"",
        "SecRule ARGS_GET \"@rx x\" \"id:2,phase:1,pass,log,logdata:'%{MATCHED_VAR_NAME}'\"",
        "SecRule MATCHED_VAR_NAME \"@streq ARGS_GET:a\" \"id:3,phase:1,pass,log,logdata:'%{MATCHED_VAR}'\"");
    Transaction tx = RuleSet.builder().addText(rules, "rules.conf").build().newTransaction();
    tx.processConnection("10.0.0.1", 5555, "127.0.0.1", 80);
    tx.processUri("/?a=x", "GET", "HTTP/1.1");
    tx.processRequestHeaders();
    assertThat(tx.matchedRules()).extracting(MatchedRule::data).containsExactly("ARGS:a", "ARGS_GET:a", "ARGS_GET:a");
  }
}
