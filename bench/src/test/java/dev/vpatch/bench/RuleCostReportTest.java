package dev.vpatch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpatch.engine.RuleCost;
import dev.vpatch.engine.RuleSet;
import dev.vpatch.engine.rules.RuleCosts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-rule timing (this module's tests run with -Dvpatch.ruleCosts=true) and its report. */
class RuleCostReportTest {
  private static final String RULES = String.join("\n",
      "SecRule ARGS:lang \"@streq en\" \"id:2001,phase:2,pass,nolog\"",
      "SecRule ARGS \"@rx ^[0-9]{6,}$\" \"id:2002,phase:2,pass,nolog\"",
      "SecRule REQUEST_METHOD \"@streq GET\" \"id:2003,phase:2,pass,nolog,skipAfter:END\"",
      "SecRule ARGS \"@contains x\" \"id:2004,phase:2,pass,nolog\"",
      "SecMarker END");

  @TempDir Path dir;

  private static RuleSet rules() {
    return RuleSet.builder().addText(RULES, "costs.conf").build();
  }

  @Test
  void everyEvaluatedRuleIsTimedWithItsEvaluationsAndMatches() {
    assertThat(RuleCosts.ENABLED).as("bench tests run with -Dvpatch.ruleCosts=true").isTrue();
    RuleSet rules = rules();
    ExchangeRunner runner = new ExchangeRunner(rules, OracleScenarios.browserGet());
    for (int i = 0; i < 5; i++) runner.run();

    List<RuleCost> costs = rules.ruleCosts();

    assertThat(costs).extracting(RuleCost::ruleId).containsExactlyInAnyOrder(2001L, 2002L, 2003L);
    assertThat(costs).allSatisfy(cost -> {
      assertThat(cost.evaluations()).isEqualTo(5);
      assertThat(cost.phase()).isEqualTo(2);
      assertThat(cost.file()).isEqualTo("costs.conf");
      assertThat(cost.nanos()).isNotNegative();
    });
    assertThat(costs).filteredOn(cost -> cost.ruleId() == 2001).singleElement()
        .extracting(RuleCost::matches).isEqualTo(5L);
    assertThat(costs).filteredOn(cost -> cost.ruleId() == 2002).singleElement()
        .extracting(RuleCost::matches).isEqualTo(0L);
    assertThat(costs).extracting(RuleCost::nanos).isSortedAccordingTo((a, b) -> Long.compare(b, a));
  }

  @Test
  void resetStartsTheCountsAfresh() {
    RuleSet rules = rules();
    ExchangeRunner runner = new ExchangeRunner(rules, OracleScenarios.browserGet());
    runner.run();

    rules.resetRuleCosts();

    assertThat(rules.ruleCosts()).isEmpty();
    runner.run();
    assertThat(rules.ruleCosts()).extracting(RuleCost::evaluations).containsOnly(1L);
  }

  @Test
  void reportPrintsTheCostliestRulesFirstWithTheirFileAndLine() throws Exception {
    Path file = dir.resolve("patch.conf");
    Files.writeString(file, RULES);
    System.setProperty("vpatch.bench.settleSeconds", "0");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    RuleCostReport.run(
        RuleCostReport.Options.parse("get", "--rules", file.toString(), "--seconds", "0.2", "--top", "2"),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));

    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines.get(0)).startsWith("get against " + file + " (with vpatch's defaults): ");
    assertThat(lines.get(1)).matches("transaction [0-9.]+ us \\(timing included\\), in rules [0-9.]+ us .*");
    assertThat(lines.get(2)).contains("rule", "us/tx", "file:line");
    assertThat(lines).hasSize(5);
    assertThat(lines.subList(3, 5)).allSatisfy(line -> assertThat(line).contains("patch.conf:"));
  }

  @Test
  void unknownShapesAndOptionsAreRefusedByName() {
    assertThatThrownBy(() -> RuleCostReport.Options.parse("put"))
        .hasMessage("unknown shape put (one of get, form, json, attack, form64k)");
    assertThatThrownBy(() -> RuleCostReport.Options.parse("get", "--fast", "1"))
        .hasMessageContaining("unknown option --fast");
    assertThatThrownBy(() -> RuleCostReport.Options.parse("get", "--top"))
        .hasMessageContaining("--top needs a value");
    assertThatThrownBy(() -> RuleCostReport.Options.parse("get", "--seconds", "ten"))
        .hasMessage("--seconds needs a positive number, not 'ten'");
    assertThatThrownBy(() -> RuleCostReport.Options.parse("get", "--paranoia", "0"))
        .hasMessage("--paranoia needs a positive number, not '0'");
  }
}
