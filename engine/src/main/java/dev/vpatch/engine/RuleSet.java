package dev.vpatch.engine;

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

  static RuleSetBuilder builder() {
    return new RuleSetBuilder();
  }
}
