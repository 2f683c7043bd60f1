package dev.vpatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.engine.RuleSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 4 KB attacker-chosen values of {@link PathologicalInputs} through the whole CRS in-process:
 * every transaction completes. At paranoia level 1 (the benchmark's setting) and 4, where the
 * targeted rules 933111, 941340, 942210, 934120 and 944300 actually run. How long they take is
 * measured by {@link PathologicalInputBenchmark}, not asserted here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PathologicalInputTest {
  private RuleSet paranoiaLevel1;
  private RuleSet paranoiaLevel4;

  @BeforeAll
  void loadCrs() {
    paranoiaLevel1 = CrsRuleSets.load(CrsRuleSets.defaultDirectory(), 1);
    paranoiaLevel4 = CrsRuleSets.load(CrsRuleSets.defaultDirectory(), 4);
  }

  static Stream<Arguments> levelsAndRuleIds() {
    return Stream.of(1, 4).flatMap(level -> PathologicalInputs.ruleIds().stream()
        .map(ruleId -> Arguments.of(level, ruleId)));
  }

  @ParameterizedTest(name = "paranoia level {0}, rule {1}")
  @MethodSource("levelsAndRuleIds")
  void transactionCompletes(int paranoiaLevel, long ruleId) {
    RuleSet rules = paranoiaLevel == 1 ? paranoiaLevel1 : paranoiaLevel4;

    ExchangeRunner.Verdict verdict =
        new ExchangeRunner(rules, PathologicalInputs.exchange(ruleId)).run();

    assertThat(verdict.reportedRules()).isNotNull();
  }

  @Test
  void attackGetIsDetectedByTheCrs() {
    ExchangeRunner.Verdict verdict =
        new ExchangeRunner(paranoiaLevel1, OracleScenarios.attackGet()).run();

    assertThat(verdict.matched(942100)).isTrue();
    assertThat(verdict.interruption()).isNotNull();
    assertThat(verdict.interruption().status()).isEqualTo(403);
  }

  @Test
  void benchmarkShapesPassTheCrsUntouched() {
    for (HttpExchange exchange : new HttpExchange[] {OracleScenarios.browserGet(),
        OracleScenarios.formPost(), OracleScenarios.jsonPost(), OracleScenarios.largeFormPost()}) {
      ExchangeRunner.Verdict verdict = new ExchangeRunner(paranoiaLevel1, exchange).run();

      assertThat(verdict.interruption()).as(exchange.name()).isNull();
    }
  }
}
