package dev.vpatch.engine.rules;

import dev.vpatch.engine.Interruption;
import dev.vpatch.engine.actions.ActionContext;
import dev.vpatch.engine.macros.MacroResolver;
import dev.vpatch.engine.operators.MatchContext;
import dev.vpatch.engine.variables.Target;

/** The per-transaction state the {@link RuleEvaluator} reads and changes. */
public interface RuleContext extends MatchContext, ActionContext, MacroResolver {
  /** Receives the values of a target. */
  interface ValueSink {
    /**
     * @param form the value after the link's transformations when the collection already holds
     *     it, in which case the link's literal prefilter has passed too; else null
     */
    void accept(String variable, String key, String value, String form);
  }

  /** Enumerates the values of a target, honouring ctl target removals for this rule. */
  void collect(Rule rule, Target target, ValueSink sink);

  boolean isRemoved(Rule rule);

  /** The value after a chain of transformations (each prefix cached per transaction). */
  String transform(String value, TransformationChain chain);

  /**
   * The form after {@code chain}, given {@code parentForm}, the form after the chain's parent (or
   * the value itself for a one-step chain): one step, for a caller that walks a chain's prefixes.
   */
  String transformLast(String parentForm, TransformationChain chain);

  /** The chain starter and the link about to run (the same rule when not chained). */
  void beginRule(Rule rule, Rule link);

  /** The prefilter literals contained in a value (computed once per distinct value). */
  long[] literalsIn(String value);

  void matched(String variable, String key, String value);

  /** MATCHED_VAR: the last value that matched, or null. */
  String matchedVar();

  /** MATCHED_VAR_NAME: the name of the last value that matched, or null. */
  String matchedVarName();

  /**
   * Records that {@code rule} (a chain starter) matched, with its expanded msg and logdata (empty
   * when it has none), and the current MATCHED_VAR and MATCHED_VAR_NAME.
   */
  void record(Rule rule, int phase, String message, String data);

  EngineMode mode();

  void interrupt(Interruption interruption);

  /**
   * Takes over the outcome of the rule set's constant block (see {@link ConstantBlock}), where
   * evaluation reached it.
   */
  void takeConstantBlock();

  /**
   * Whether the rule set's folded verdicts apply to this transaction: it took the constant block
   * over and removed no TX target.
   */
  boolean foldedVerdictsHold();

  /**
   * Begins {@code rule} (a folded one) and sets MATCHED_VAR_NAME, MATCHED_VAR and MATCHED_VARS as
   * its evaluation would have on the match.
   */
  void replayMatch(Rule rule, String variableName, String value);
}
