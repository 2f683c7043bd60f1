package dev.vpatch.app.cli;

import dev.vpatch.patches.generator.RuleIdRange;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code --rule-id-range FIRST-LAST}: where generated patches take their rule ids from. */
public final class RuleIdRangeOption {
  @Option(names = "--rule-id-range", paramLabel = "FIRST-LAST", scope = ScopeType.INHERIT,
      defaultValue = "${VPATCH_RULE_ID_RANGE:-10000000-10099999}",
      description = "Reserved rule id range for generated patches (default: ${DEFAULT-VALUE}; env VPATCH_RULE_ID_RANGE).")
  String range;

  public static RuleIdRangeOption from(picocli.CommandLine.Model.CommandSpec spec) {
    return (RuleIdRangeOption) spec.root().mixins().get("ruleIds").userObject();
  }

  public RuleIdRange range() {
    return RuleIdRange.parse(range);
  }
}
