package dev.vpatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.engine.RuleSet;
import org.junit.jupiter.api.Test;

/** The runner drives a real transaction through every phase, with a small rule set. */
class ExchangeRunnerTest {
  private static final String RULES = String.join("\n",
      "SecRule ARGS:reqID \"@rx '\" \"id:1001,phase:1,deny,status:403,t:urlDecodeUni\"",
      "SecRule ARGS_POST:delivery_note \"@contains twelve\" \"id:1002,phase:2,pass,log\"",
      "SecRule REQUEST_BODY \"@contains customers\" \"id:1003,phase:2,pass,log\"",
      "SecRule RESPONSE_STATUS \"@eq 200\" \"id:1004,phase:3,pass,log\"",
      "SecRule RESPONSE_BODY \"@contains Your account\" \"id:1005,phase:4,pass,log\"",
      "SecRule REQUEST_HEADERS:X-Filename \"@rx ph\" \"id:1006,phase:1,pass,log\"");

  private final RuleSet rules = RuleSet.builder().addVpatchDefaults()
      .addText(RULES, "runner-test.conf").addText("SecAuditEngine Off", "audit-off").build();

  @Test
  void benignGetRunsResponsePhasesToo() {
    ExchangeRunner.Verdict verdict = new ExchangeRunner(rules, OracleScenarios.browserGet()).run();

    assertThat(verdict.interruption()).isNull();
    assertThat(verdict.matched(1004)).isTrue();
    assertThat(verdict.matched(1005)).isTrue();
    assertThat(verdict.matched(1001)).isFalse();
  }

  @Test
  void attackGetIsInterruptedInPhaseOneAndSkipsTheResponse() {
    ExchangeRunner.Verdict verdict = new ExchangeRunner(rules, OracleScenarios.attackGet()).run();

    assertThat(verdict.interruption()).isNotNull();
    assertThat(verdict.interruption().ruleId()).isEqualTo(1001);
    assertThat(verdict.matched(1004)).isFalse();
  }

  @Test
  void formBodyIsParsedIntoArguments() {
    ExchangeRunner.Verdict verdict = new ExchangeRunner(rules, OracleScenarios.formPost()).run();

    assertThat(verdict.matched(1002)).isTrue();
    assertThat(verdict.interruption()).isNull();
  }

  @Test
  void runnerCanBeRunRepeatedlyWithTheSameResult() {
    ExchangeRunner runner = new ExchangeRunner(rules, OracleScenarios.largeFormPost());

    assertThat(runner.run().reportedRules()).hasSameSizeAs(runner.run().reportedRules());
  }

  @Test
  void pathologicalFilenameGoesInTheHeaderTheRuleReads() {
    ExchangeRunner.Verdict verdict =
        new ExchangeRunner(rules, PathologicalInputs.exchange(933110)).run();

    assertThat(verdict.matched(1006)).isTrue();
  }
}
