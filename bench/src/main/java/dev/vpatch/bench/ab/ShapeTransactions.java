package dev.vpatch.bench.ab;

import dev.vpatch.bench.CrsRuleSets;
import dev.vpatch.bench.ExchangeRunner;
import dev.vpatch.bench.HttpExchange;
import dev.vpatch.bench.OracleScenarios;
import java.util.function.Supplier;

/**
 * Issue 3's request shapes as runnables, each one whole transaction against the CRS at paranoia
 * level 1. {@link SameJvmComparison} loads this class once per build, each copy linked to its own
 * build's engine; it uses only bench classes that older builds have too, so a build from before
 * this class existed can be compared (the class then comes from the comparing build's jar).
 */
public final class ShapeTransactions implements Supplier<Runnable[]> {
  /** The shapes, in the order {@link #get()} returns them. */
  public static final String[] NAMES = {"browser GET", "4 KB form", "4 KB JSON", "attack GET", "64 KB form"};

  @Override
  public Runnable[] get() {
    var rules = CrsRuleSets.load(CrsRuleSets.defaultDirectory(), 1);
    HttpExchange[] shapes = {
      OracleScenarios.browserGet(),
      OracleScenarios.formPost(),
      OracleScenarios.jsonPost(),
      OracleScenarios.attackGet(),
      OracleScenarios.largeFormPost()
    };
    Runnable[] transactions = new Runnable[shapes.length];
    for (int i = 0; i < shapes.length; i++) {
      ExchangeRunner runner = new ExchangeRunner(rules, shapes[i]);
      transactions[i] = runner::run;
    }
    return transactions;
  }
}
