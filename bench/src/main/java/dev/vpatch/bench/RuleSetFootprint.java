package dev.vpatch.bench;

import dev.vpatch.engine.RuleSet;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;

/**
 * Prints how long the CRS takes to load and how much heap the loaded RuleSet retains (issue 3:
 * at most 64 MB), measured as live heap after full GCs with and without the RuleSet reachable.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar dev.vpatch.bench.RuleSetFootprint [CRS_DIR]}
 */
public final class RuleSetFootprint {
  private RuleSetFootprint() {}

  public static void main(String[] args) {
    Path crs = args.length > 0 ? Path.of(args[0]) : CrsRuleSets.defaultDirectory();
    long before = liveHeap();
    long start = System.nanoTime();
    RuleSet rules = CrsRuleSets.load(crs, 1);
    double seconds = (System.nanoTime() - start) / 1e9;
    // one transaction, so that lazily built per-RuleSet structures are counted too
    new ExchangeRunner(rules, OracleScenarios.browserGet()).run();
    long after = liveHeap();
    System.out.printf("CRS %s: %d rules, loaded in %.1f s, RuleSet retains %.1f MB of heap%n",
        crs, rules.ruleCount(), seconds, (after - before) / 1048576.0);
    if (rules.ruleCount() < 0) {
      throw new AssertionError("keeps the RuleSet reachable until after the measurement");
    }
  }

  private static long liveHeap() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
