package dev.vpatch.engine.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.engine.RuleSet;
import dev.vpatch.engine.Transaction;
import dev.vpatch.engine.rules.CompiledRuleSet;
import org.junit.jupiter.api.Test;

/**
 * A rule set remembers how many TX variables its transactions held, so that the next ones size
 * their TX collection for it, and the variables a later transaction sets read back the same
 * whether the collection was sized ahead or grew.
 */
class ExpectedTxSizeTest {
  private static final int VARIABLES = 70;

  private static String rules() {
    StringBuilder rules = new StringBuilder("SecRuleEngine On\n");
    for (int i = 0; i < VARIABLES; i++) {
      rules.append("SecAction \"id:").append(100 + i).append(",phase:1,pass,nolog,setvar:tx.Var_").append(i)
          .append('=').append(i).append("\"\n");
    }
    // Reads every variable back in phase 2: deny when any lookup misses or reads a wrong value.
    for (int i = 0; i < VARIABLES; i++) {
      rules.append("SecRule TX:var_").append(i).append(" \"!@eq ").append(i).append("\" \"id:")
          .append(1000 + i).append(",phase:2,deny,status:403\"\n");
    }
    return rules.toString();
  }

  private static Integer run(RuleSet ruleSet) {
    try (Transaction tx = ruleSet.newTransaction()) {
      tx.processConnection("127.0.0.1", 40000, "127.0.0.1", 80);
      tx.processUri("/", "GET", "HTTP/1.1");
      tx.addRequestHeader("Host", "localhost");
      tx.processRequestHeaders();
      tx.processRequestBody();
      tx.processLogging();
      return tx.interruption() == null ? null : tx.interruption().status();
    }
  }

  @Test
  void transactionsAfterTheFirstSizeTheirTxCollectionForWhatTheFirstHeld() {
    RuleSet ruleSet = RuleSet.builder().addText(rules(), "rules").build();
    CompiledRuleSet compiled = (CompiledRuleSet) ruleSet;
    assertThat(compiled.txSize().expected()).isZero();
    assertThat(run(ruleSet)).isNull();
    assertThat(compiled.txSize().expected()).isBetween(VARIABLES, 2 * VARIABLES);
    assertThat(run(ruleSet)).isNull();
    assertThat(compiled.txSize().expected()).isBetween(VARIABLES, 2 * VARIABLES);
  }

  @Test
  void theExpectationIsCappedSoThatOneHugeTransactionDoesNotInflateEveryLaterOne() {
    CompiledRuleSet compiled = (CompiledRuleSet) RuleSet.builder().addText("SecRuleEngine On\n", "rules").build();
    compiled.txSize().note(100_000);
    assertThat(compiled.txSize().expected()).isEqualTo(512);
  }
}
