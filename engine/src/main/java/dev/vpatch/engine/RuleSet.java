package dev.vpatch.engine;

import java.util.List;

/**
 * Compiled rules and engine configuration: immutable, built once, shared by all threads. Build one
 * with {@link RuleSetBuilder}; swap a whole new one on reload.
 */
public interface RuleSet {
  Transaction newTransaction();

  /** A transaction with the given id (e.g. taken from a request header by the connector). */
  Transaction newTransaction(String id);

  /** Number of rules (chain links counted once per chain). */
  int ruleCount();

  /**
   * What evaluating each rule has cost so far, costliest first, when the JVM runs with {@code
   * -Dvpatch.ruleCosts=true} ({@code bench/rulecost.sh}); empty otherwise.
   */
  default List<RuleCost> ruleCosts() {
    return List.of();
  }

  /** Starts {@link #ruleCosts()} afresh, after a warm-up for instance. */
  default void resetRuleCosts() {}

  static RuleSetBuilder builder() {
    return new RuleSetBuilder();
  }
}
