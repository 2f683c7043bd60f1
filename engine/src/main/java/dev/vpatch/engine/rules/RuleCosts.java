package dev.vpatch.engine.rules;

import dev.vpatch.engine.RuleCost;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Opt-in timing of every chain a rule set evaluates, to find the rules that cost the most on some
 * traffic (as Snort's and Suricata's rule profiling do). Off unless the JVM runs with
 * {@code -Dvpatch.ruleCosts=true}: the switch is read once, into a constant, so that with it off
 * the JIT removes the timing from the evaluation loop altogether.
 *
 * <p>A chain's time covers its links, operators and run-time actions, not its log entry or
 * disruptive action. Rules settled without evaluation (the constant block, folded verdicts) cost
 * nothing and are not counted. Each timing adds two clock reads; {@link #clockOverheadNanos} is
 * measured once and taken off every evaluation, so cheap rules are not overstated.
 */
public final class RuleCosts {
  /** Whether rule sets built in this JVM time their rules. */
  public static final boolean ENABLED = Boolean.getBoolean("vpatch.ruleCosts");

  private final List<Rule> chains;
  private final AtomicLongArray evaluations;
  private final AtomicLongArray matches;
  private final AtomicLongArray nanos;
  private final long clockOverheadNanos = clockOverhead();

  /** @param chains the rule set's chain starters, each at its {@code ordinal} */
  RuleCosts(List<Rule> chains) {
    this.chains = chains;
    this.evaluations = new AtomicLongArray(chains.size());
    this.matches = new AtomicLongArray(chains.size());
    this.nanos = new AtomicLongArray(chains.size());
  }

  void record(Rule chain, long elapsedNanos, boolean matched) {
    int i = chain.ordinal;
    evaluations.incrementAndGet(i);
    if (matched) matches.incrementAndGet(i);
    nanos.addAndGet(i, Math.max(0, elapsedNanos - clockOverheadNanos));
  }

  /** Every chain evaluated so far, costliest first. */
  public List<RuleCost> snapshot() {
    List<RuleCost> costs = new ArrayList<>();
    for (int i = 0; i < chains.size(); i++) {
      long n = evaluations.get(i);
      if (n == 0) continue;
      Rule r = chains.get(i);
      costs.add(new RuleCost(r.id, r.file, r.line, r.phase, n, matches.get(i), nanos.get(i)));
    }
    costs.sort(Comparator.comparingLong(RuleCost::nanos).reversed());
    return costs;
  }

  /** Starts counting afresh (after a warm-up, say). */
  public void reset() {
    for (int i = 0; i < chains.size(); i++) {
      evaluations.set(i, 0);
      matches.set(i, 0);
      nanos.set(i, 0);
    }
  }

  /** The least time two back-to-back clock reads take here. */
  private static long clockOverhead() {
    long least = Long.MAX_VALUE;
    for (int i = 0; i < 10_000; i++) {
      long start = System.nanoTime();
      least = Math.min(least, System.nanoTime() - start);
    }
    return least;
  }
}
