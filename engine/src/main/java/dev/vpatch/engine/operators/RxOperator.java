package dev.vpatch.engine.operators;

import dev.vpatch.engine.macros.Macro;
import dev.vpatch.engine.operators.regex.PcrePattern;
import dev.vpatch.engine.operators.regex.RegexMatch;
import java.util.List;
import java.util.Set;

/**
 * {@code @rx}: PCRE regular expression search, with ModSecurity's flags (DOTALL, MULTILINE). With
 * the {@code capture} action, groups 0..9 of the first match become TX:0..9.
 */
public final class RxOperator implements Operator {
  private static final int MAX_CAPTURES = 10;

  private final PcrePattern constant;
  private final Macro macro;
  private final DynamicPatterns dynamic;

  public RxOperator(OperatorArgument argument) {
    if (argument.macro().isConstant()) {
      this.constant = PcrePattern.compile(argument.text());
      this.macro = null;
      this.dynamic = null;
    } else {
      this.constant = null;
      this.macro = argument.macro();
      this.dynamic = new DynamicPatterns();
    }
  }

  /** The compiled pattern, or null when the argument holds macros (compiled per evaluation). */
  public PcrePattern pattern() {
    return constant;
  }

  /**
   * Literals of which every match contains at least one (ASCII case ignored, lower case), for a
   * prefilter; empty when unknown, including for macro arguments.
   */
  public Set<String> requiredLiterals() {
    return constant == null ? Set.of() : constant.requiredLiterals();
  }

  /** {@link PcrePattern#requiredLiteralSets()}; empty for macro arguments. */
  public List<Set<String>> requiredLiteralSets() {
    return constant == null ? List.of() : constant.requiredLiteralSets();
  }

  @Override
  public boolean matches(MatchContext context, String input) {
    PcrePattern pattern = constant != null ? constant : dynamic.get(context.expand(macro));
    if (pattern == null) return false;
    if (!context.captureEnabled()) return pattern.find(input);
    RegexMatch match = pattern.find(input, 0);
    if (match == null) return false;
    int groups = Math.min(match.groups().length, MAX_CAPTURES);
    for (int i = 0; i < groups; i++) {
      String group = match.group(i);
      if (group != null) context.capture(i, group);
    }
    return true;
  }
}
