package dev.vpatch.proxy;

import dev.vpatch.engine.RuleSet;
import dev.vpatch.engine.Transaction;

/** A rule set whose transactions cannot be created: the only way to make the real engine fail on demand. */
final class FailingRuleSet implements RuleSet {
  @Override
  public Transaction newTransaction() {
    throw new IllegalStateException("engine exploded");
  }

  @Override
  public Transaction newTransaction(String id) {
    throw new IllegalStateException("engine exploded");
  }

  @Override
  public int ruleCount() {
    return 0;
  }
}
