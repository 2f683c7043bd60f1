package dev.vpatch.engine.rules;

import dev.vpatch.engine.actions.Action;
import dev.vpatch.engine.actions.SetVarAction;
import dev.vpatch.engine.macros.Macro;
import dev.vpatch.engine.variables.KeyedValues;
import dev.vpatch.engine.variables.Target;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Which TX members may have changed since the constant block, as a compiler walks the rules after
 * it in evaluation order (phase 1 from the block's end, then phases 2 to 5). A member no rule so
 * far may write holds, in every transaction that took the block over, what the block left (or
 * stays absent): a rule that reads only such members (CRS's paranoia-level gates, some eighty per
 * transaction) has the same verdict in every such transaction.
 */
final class StableTx {
  private static final String TX = "TX";

  private final Set<String> changed = new HashSet<>();
  private final List<String> changedPrefixes = new ArrayList<>();
  private boolean everything;

  /**
   * Per phase and rule position, the verdicts fixed for transactions that took {@code block}
   * over, walking the rules after it in evaluation order; null when there is none. {@code
   * verdictOf} evaluates a rule in a transaction that took the block over and has run the folded
   * rules before it.
   */
  static FoldedVerdict[][] foldedVerdicts(
      Rule[][] phases, ConstantBlock block, Function<Rule, FoldedVerdict> verdictOf) {
    StableTx stable = new StableTx();
    FoldedVerdict[][] folded = new FoldedVerdict[phases.length][];
    boolean any = false;
    for (int phase = 1; phase < phases.length; phase++) {
      Rule[] rules = phases[phase];
      FoldedVerdict[] verdicts = new FoldedVerdict[rules.length];
      for (int i = phase == 1 ? block.end() : 0; i < rules.length; i++) {
        Rule rule = rules[i];
        if (rule.isMarker()) continue;
        if (!stable.readsOnlyStable(rule)) {
          stable.noteWrites(rule);
          continue;
        }
        FoldedVerdict verdict;
        try {
          verdict = verdictOf.apply(rule);
        } catch (RuntimeException e) {
          stable.noteWrites(rule); // left to each transaction, as it was
          continue;
        }
        // A match that writes (setvar, capture) is left to each transaction, which may skip it.
        if (!verdict.matched() || (rule.runtimeActions.length == 0 && !rule.capture)) {
          verdicts[i] = verdict;
          any = true;
        }
        if (verdict.matched()) stable.noteWrites(rule);
      }
      folded[phase] = verdicts;
    }
    return any ? folded : null;
  }

  /** Whether no rule so far may have written the member {@code key}. */
  boolean isStable(String key) {
    if (everything) return false;
    String folded = KeyedValues.foldedKey(key).toLowerCase(Locale.ROOT);
    if (changed.contains(folded)) return false;
    for (String prefix : changedPrefixes) {
      if (folded.startsWith(prefix)) return false;
    }
    return true;
  }

  /** Counts every TX member the rule (any link of its chain) may write as changed from here on. */
  void noteWrites(Rule starter) {
    for (Rule link = starter; link != null; link = link.next) {
      if (link.capture) {
        for (int i = 0; i <= 9; i++) changed.add(Integer.toString(i));
      }
      for (Action action : link.runtimeActions) {
        if (!(action instanceof SetVarAction setVar) || !setVar.collection().equals(TX)) continue;
        String name = setVar.namePrefix();
        if (setVar.hasConstantName()) changed.add(name);
        else if (name.isEmpty()) everything = true;
        else changedPrefixes.add(name);
      }
    }
  }

  /**
   * Whether the rule is one link that reads one stable TX member by name, with a pure operator
   * whose argument reads only stable TX members: its verdict is then fixed.
   */
  boolean readsOnlyStable(Rule rule) {
    if (rule.isMarker() || rule.next != null || rule.multiMatch || rule.targets.length != 1) return false;
    Target target = rule.targets[0];
    if (target.name() != TX || target.literalKey() == null || !isStable(target.literalKey().text())) return false;
    if (!ConstantBlock.isPureOperator(rule.operatorName)) return false;
    if (rule.operatorArgument == null) return true;
    for (Macro.Reference reference : Macro.compile(rule.operatorArgument).references()) {
      if (!reference.variable().equals(TX) || reference.key() == null || !isStable(reference.key())) return false;
    }
    return true;
  }
}
