package dev.vpatch.engine;

/**
 * What evaluating one rule (its whole chain) has cost so far: see {@link RuleSet#ruleCosts()}.
 *
 * @param ruleId the chain's id
 * @param file the file it was loaded from
 * @param line its line there
 * @param phase the phase it runs in
 * @param evaluations how often it was evaluated
 * @param matches how often its whole chain matched
 * @param nanos the time its evaluations took, in all
 */
public record RuleCost(long ruleId, String file, int line, int phase, long evaluations, long matches, long nanos) {}
