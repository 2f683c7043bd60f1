package dev.vpatch.engine.transaction;

import dev.vpatch.engine.rules.CompiledRuleSet;
import dev.vpatch.engine.rules.ConstantBlock;
import dev.vpatch.engine.rules.FoldedVerdict;
import dev.vpatch.engine.rules.MatchLog;
import dev.vpatch.engine.rules.PhaseOutcome;
import dev.vpatch.engine.rules.Rule;
import dev.vpatch.engine.variables.KeyedValues;
import java.util.function.Function;

/**
 * What every transaction of a rule set holds after its {@link ConstantBlock}: the TX collection,
 * the block's matches, MATCHED_VAR and the highest severity. Computed once, by evaluating the block
 * in a transaction of its own; immutable after that and shared by all transactions, each of which
 * copies it in where evaluation reaches the block (CRS: 3.4 µs of work per transaction becomes a
 * copy of some fifty TX members and thirty matches).
 */
public final class ConstantBlockOutcome {
  /**
   * MATCHED_VAR_NAME and MATCHED_VAR when the block starts: whatever the rules before it matched,
   * which differs between transactions. Unique instances, so that a match recorded before any
   * variable of the block matched can be told and given the transaction's own.
   */
  static final String NAME_AT_ENTRY = new String("MATCHED_VAR_NAME at the block");
  static final String VALUE_AT_ENTRY = new String("MATCHED_VAR at the block");

  final KeyedValues tx;
  final MatchLog matches;
  final String matchedVar;
  final String matchedVarName;
  final int highestSeverity;

  private ConstantBlockOutcome(DefaultTransaction evaluated) {
    this.tx = evaluated.variables().tx;
    this.tx.hashAllKeys();
    this.matches = evaluated.matchLog();
    // The entry instances when no variable of the block matched: the transaction's own stay.
    this.matchedVar = evaluated.variables().matchedVar;
    this.matchedVarName = evaluated.variables().matchedVarName;
    this.highestSeverity = evaluated.highestSeverity();
  }

  /**
   * Evaluates a rule alone in one transaction of {@code ruleSet} that took this outcome over
   * (rules evaluated earlier through it stay evaluated): how the compiler learns the verdicts of
   * the rules that read only what the block set.
   */
  public Function<Rule, FoldedVerdict> verdicts(CompiledRuleSet ruleSet) {
    DefaultTransaction template = new DefaultTransaction(ruleSet, "stable-verdicts");
    template.takeConstantBlock(this);
    return template::verdictOf;
  }

  /**
   * The outcome of {@code block} in {@code ruleSet}, or null when it cannot stand for the block: a
   * rule of the block that does not pass (deny, allow, block...) matched, so every transaction
   * would have to stop there, or evaluating the block failed.
   */
  public static ConstantBlockOutcome of(CompiledRuleSet ruleSet, ConstantBlock block) {
    DefaultTransaction evaluated = new DefaultTransaction(ruleSet, "constant-block");
    evaluated.variables().matchedVarName = NAME_AT_ENTRY;
    evaluated.variables().matchedVar = VALUE_AT_ENTRY;
    PhaseOutcome outcome;
    try {
      outcome = evaluated.evaluatePhaseOneRules(block.start(), block.end());
    } catch (RuntimeException e) {
      return null; // each transaction evaluates the block, and meets the error, as it would have
    }
    if (outcome != PhaseOutcome.COMPLETED || evaluated.interruption() != null
        || !evaluated.matchLog().onlyPassingRules()) {
      return null;
    }
    return new ConstantBlockOutcome(evaluated);
  }
}
