package dev.vpatch.engine.operators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every operator CRS uses (but the libinjection ones) is registered and accepts CRS's argument. */
class CrsOperatorsTest {
  private static final Set<String> ELSEWHERE = Set.of("detectsqli", "detectxss");

  @Test
  void everyCrsOperatorIsCreated() {
    List<String> failures = new ArrayList<>();
    int created = 0;
    for (CrsRuleFiles.RuleOperator op : CrsRuleFiles.operators()) {
      if (ELSEWHERE.contains(op.name().toLowerCase(java.util.Locale.ROOT))) continue;
      OperatorFactory factory = Operators.lookup(op.name());
      if (factory == null) {
        failures.add(op.id() + ": unknown operator @" + op.name());
        continue;
      }
      try {
        factory.create(OperatorArgument.of(op.argument(), CrsRuleFiles.rulesDirectory()));
        created++;
      } catch (IllegalArgumentException e) {
        failures.add(op.id() + ": @" + op.name() + " " + e.getMessage());
      }
    }
    assertThat(failures).isEmpty();
    assertThat(created).isGreaterThan(650);
  }
}
