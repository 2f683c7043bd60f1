package dev.vpatch.engine.rules;

import dev.vpatch.engine.Interruption;
import dev.vpatch.engine.actions.Action;
import dev.vpatch.engine.actions.Disruptive;
import dev.vpatch.engine.variables.Target;

/**
 * Runs the rules of one phase against a transaction: targets → transformations → operator, chains,
 * skip/skipAfter, run-time actions, disruptive actions. As in ModSecurity v3, the run-time actions
 * of a rule (setvar, ctl...) run for each matched value as soon as it matches, whether or not the
 * rest of its chain matches; the disruptive action and the log entry need the whole chain. One instance per transaction (it keeps the
 * state of the rule being evaluated, so that evaluation allocates little).
 */
public final class RuleEvaluator implements RuleContext.ValueSink {
  private final CompiledRuleSet ruleSet;
  private final RuleContext context;

  // State of the link being evaluated.
  private Rule link;
  private boolean linkMatched;

  public RuleEvaluator(CompiledRuleSet ruleSet, RuleContext context) {
    this.ruleSet = ruleSet;
    this.context = context;
  }

  public PhaseOutcome run(int phase) {
    Rule[] rules = ruleSet.phase(phase);
    ConstantBlock block = phase == 1 ? ruleSet.constantBlockInUse() : null;
    return run(phase, 0, rules.length, block, ruleSet.foldedVerdicts(phase));
  }

  /**
   * Runs the rules of {@code phase} at positions {@code [from, to)}. Where evaluation reaches the
   * start of {@code takenOver} with no skip pending, the transaction takes the block's outcome over
   * instead of evaluating it (a skip or skipAfter that lands inside evaluates the rest as usual). A
   * rule with a verdict in {@code verdicts} (by position; null: none) gets it instead of an
   * evaluation while the transaction says they hold.
   */
  public PhaseOutcome run(int phase, int from, int to, ConstantBlock takenOver, FoldedVerdict[] verdicts) {
    Rule[] rules = ruleSet.phase(phase);
    int takeOverAt = takenOver == null ? -1 : takenOver.start();
    int skip = 0;
    for (int i = from; i < to; i++) {
      Rule rule = rules[i];
      if (rule.isMarker()) continue;
      if (i == takeOverAt && skip == 0) {
        context.takeConstantBlock();
        i = takenOver.end() - 1;
        continue;
      }
      if (skip > 0) {
        skip--;
        continue;
      }
      if (context.isRemoved(rule)) continue;
      FoldedVerdict folded = verdicts == null ? null : verdicts[i];
      if (folded != null && context.foldedVerdictsHold()) {
        if (!folded.matched()) continue;
        context.replayMatch(rule, folded.variableName(), folded.value());
      } else if (!(RuleCosts.ENABLED ? timedChain(rule) : evaluateChain(rule))) {
        continue;
      }
      PhaseOutcome outcome = onMatch(rule, phase);
      if (outcome != PhaseOutcome.COMPLETED) return outcome;
      if (rule.skipAfter != null) {
        int marker = ruleSet.skipAfterPosition(phase, i);
        i = marker < 0 ? to : marker;
      } else if (rule.skip > 0) {
        skip = rule.skip;
      }
    }
    return PhaseOutcome.COMPLETED;
  }

  /** Whether the rule's chain matches now, its run-time actions run (no log, no disruptive action). */
  public boolean matchesAlone(Rule rule) {
    return evaluateChain(rule);
  }

  /** {@link #evaluateChain}, timed into the rule set's {@link RuleCosts}. */
  private boolean timedChain(Rule starter) {
    RuleCosts costs = ruleSet.costs();
    if (costs == null) return evaluateChain(starter);
    long start = System.nanoTime();
    boolean matched = evaluateChain(starter);
    costs.record(starter, System.nanoTime() - start, matched);
    return matched;
  }

  private boolean evaluateChain(Rule starter) {
    for (Rule l = starter; l != null; l = l.next) {
      if (!evaluateLink(starter, l)) return false;
    }
    return true;
  }

  private boolean evaluateLink(Rule starter, Rule l) {
    context.beginRule(starter, l);
    link = l;
    linkMatched = false;
    if (l.targets.length == 0) {
      linkMatched = true;
      runActions(l);
      return true;
    }
    for (Target target : l.targets) {
      context.collect(starter, target, this);
    }
    return linkMatched;
  }

  @Override
  public void accept(String variable, String key, String value, String form) {
    Rule l = link;
    String matchedValue = form != null ? operatorMatch(l, form) : matches(l, value);
    if (matchedValue == null) return;
    linkMatched = true;
    context.matched(variable, key, matchedValue);
    runActions(l);
  }

  /** The (transformed) value when the operator matches it, else null. */
  private String matches(Rule l, String value) {
    if (l.multiMatch) {
      String current = value;
      if (formMatches(l, current)) return current;
      // Prefixes nest (each is the next one's parent): one step each from the last form.
      String form = value;
      for (TransformationChain prefix : l.transformationPrefixes) {
        form = context.transformLast(form, prefix);
        if (form.equals(current)) continue;
        current = form;
        if (formMatches(l, current)) return current;
      }
      return null;
    }
    String transformed = l.transformationChain == null ? value : context.transform(value, l.transformationChain);
    if (l.prefilter != null && !l.prefilter.satisfiedBy(context.literalsIn(transformed))) return null;
    return operatorMatch(l, transformed);
  }

  /** {@code form} when the link's operator (negation applied) matches it, else null. */
  private String operatorMatch(Rule l, String form) {
    return l.operator.matches(context, form) != l.negated ? form : null;
  }

  /** One form of a multiMatch value: the prefilter (forms share their scans) before the operator. */
  private boolean formMatches(Rule l, String form) {
    if (l.prefilter != null && !l.prefilter.satisfiedBy(context.literalsIn(form))) return false;
    return operatorMatch(l, form) != null;
  }

  private void runActions(Rule l) {
    for (Action action : l.runtimeActions) action.execute(context);
  }

  private PhaseOutcome onMatch(Rule rule, int phase) {
    context.beginRule(rule, rule);
    Disruptive d = rule.disruptive;
    context.record(
        rule,
        phase,
        rule.message == null ? "" : rule.message.expand(context),
        rule.logData == null ? "" : truncate(rule.logData.expand(context)));
    EngineMode mode = context.mode();
    if (mode != EngineMode.ON) return PhaseOutcome.COMPLETED;
    switch (d) {
      case DENY:
        context.interrupt(new Interruption(rule.id, "deny", rule.status > 0 ? rule.status : 403, null, phase));
        return PhaseOutcome.INTERRUPTED;
      case DROP:
        context.interrupt(new Interruption(rule.id, "drop", rule.status > 0 ? rule.status : 403, null, phase));
        return PhaseOutcome.INTERRUPTED;
      case REDIRECT:
        int status = rule.status >= 300 && rule.status < 400 ? rule.status : 302;
        context.interrupt(
            new Interruption(rule.id, "redirect", status, rule.redirectUrl.expand(context), phase));
        return PhaseOutcome.INTERRUPTED;
      case ALLOW:
        return PhaseOutcome.ALLOW;
      case ALLOW_PHASE:
        return PhaseOutcome.ALLOW_PHASE;
      case ALLOW_REQUEST:
        return PhaseOutcome.ALLOW_REQUEST;
      default:
        return PhaseOutcome.COMPLETED;
    }
  }

  private static String truncate(String s) {
    return s.length() > 512 ? s.substring(0, 512) : s;
  }
}
