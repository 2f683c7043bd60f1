package dev.vpatch.engine.rules;

import dev.vpatch.engine.actions.Action;
import dev.vpatch.engine.actions.CtlAction;
import dev.vpatch.engine.actions.SetVarAction;
import dev.vpatch.engine.macros.Macro;
import dev.vpatch.engine.variables.Target;
import java.util.Locale;
import java.util.Set;

/**
 * The positions {@code [start, end)} of the first run of phase-1 rules that read nothing but TX
 * and constants and write nothing but TX: CRS's initialisation, some thirty rules that give the
 * settings crs-setup.conf left out their defaults and set every score to 0. The rules before the
 * run must leave TX alone and must not change which rules run (no setvar on TX, no capture, no
 * ctl that removes rules or switches the engine), so every transaction enters the run with TX as
 * empty as it started and leaves it in the same state, with the same matches. A transaction takes
 * that outcome over ({@link dev.vpatch.engine.transaction.ConstantBlockOutcome}) instead of
 * evaluating the run.
 */
public record ConstantBlock(int start, int end) {
  /** A shorter run is not worth a snapshot. */
  private static final int SHORTEST = 2;

  /** Operators whose answer depends only on the value and their argument. */
  private static final Set<String> PURE_OPERATORS =
      Set.of(
          "rx", "pm", "within", "streq", "strmatch", "beginswith", "endswith", "contains",
          "containsword", "eq", "ge", "gt", "le", "lt", "unconditionalmatch", "nomatch");

  private static final String TX = "TX";

  /** The block of phase 1's rules ({@code phaseOne}, in order), or null when there is none. */
  static ConstantBlock find(Rule[] phaseOne) {
    int i = 0;
    while (i < phaseOne.length && !isConstant(phaseOne[i])) {
      if (!leavesTxAndRulesAlone(phaseOne[i])) return null;
      i++;
    }
    int start = i;
    while (i < phaseOne.length && isConstant(phaseOne[i])) i++;
    return i - start >= SHORTEST ? new ConstantBlock(start, i) : null;
  }

  /** Whether the rule, every link of its chain, reads only TX and constants and writes only TX. */
  static boolean isConstant(Rule starter) {
    if (starter.isMarker() || starter.skip > 0 || starter.skipAfter != null) return false;
    for (Rule link = starter; link != null; link = link.next) {
      for (Target target : link.targets) {
        if (target.name() != TX) return false;
      }
      if (!isPureOperator(link.operatorName)) return false;
      if (link.operatorArgument != null && !Macro.compile(link.operatorArgument).readsOnly(TX)) return false;
      if (!readsOnlyTx(link.message) || !readsOnlyTx(link.logData) || !readsOnlyTx(link.redirectUrl)) return false;
      for (Action action : link.runtimeActions) {
        if (!(action instanceof SetVarAction setVar) || !setVar.collection().equals(TX) || !setVar.readsOnly(TX)) {
          return false;
        }
      }
    }
    return true;
  }

  /** Whether the rule can neither write TX nor change which rules run after it. */
  static boolean leavesTxAndRulesAlone(Rule starter) {
    for (Rule link = starter; link != null; link = link.next) {
      if (link.capture) return false; // writes TX:0 to TX:9
      for (Action action : link.runtimeActions) {
        if (action instanceof SetVarAction setVar && setVar.collection().equals(TX)) return false;
        if (action instanceof CtlAction ctl && ctl.changesWhichRulesRun()) return false;
      }
    }
    return true;
  }

  /** Whether the operator's answer depends only on the value and its argument. */
  static boolean isPureOperator(String name) {
    return PURE_OPERATORS.contains(name.toLowerCase(Locale.ROOT));
  }

  private static boolean readsOnlyTx(Macro macro) {
    return macro == null || macro.readsOnly(TX);
  }
}
