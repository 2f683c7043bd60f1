package dev.vpatch.engine.operators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.engine.operators.regex.PcrePattern;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrsRxPatternsTest {
  @Test
  void everyCrsRxPatternCompilesOnRe2() {
    List<CrsRuleFiles.RuleOperator> rx =
        CrsRuleFiles.operators().stream().filter(op -> op.name().equals("rx")).toList();
    assertThat(rx).hasSizeGreaterThan(300);
    List<String> onFallback = new ArrayList<>();
    for (CrsRuleFiles.RuleOperator op : rx) {
      PcrePattern pattern = PcrePattern.compile(op.argument());
      if (pattern.usesFallback()) {
        onFallback.add(
            op.file() + ":" + op.line() + " id " + op.id() + ": " + pattern.fallbackReason());
      }
    }
    assertThat(onFallback).isEmpty();
  }

  @Test
  void everyCrsRxOperatorIsCreatedByTheRegistry() {
    for (CrsRuleFiles.RuleOperator op : CrsRuleFiles.operators()) {
      if (!op.name().equals("rx")) continue;
      Operator operator = Operators.lookup("rx").create(OperatorArgument.of(op.argument()));
      assertThat(operator.matches(TestMatchContext.plain(), "")).isIn(true, false);
    }
  }
}
