package dev.vpatch.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * Runs a benchmark's transaction before JMH's own warm-up until the JIT compilers are done with
 * it. The engine is a lot of code: on a slow 2-core machine C2 was still compiling 12 seconds
 * into a run, with each transaction taking three to four times its steady-state time until then,
 * so a fixed warm-up of a few seconds measured the compilers rather than the engine. Settled means
 * the compilers used at most {@link #SETTLED_PERCENT} % of a one-second window (the measure
 * {@code bench/compare.sh} uses for the proxies).
 *
 * <p>System property {@code vpatch.bench.settleSeconds}: the most seconds to wait (default 60;
 * 0 skips this).
 */
final class JitSettling {
  private static final double SETTLED_PERCENT = 2.0;
  private static final long WINDOW_NANOS = 1_000_000_000L;

  private JitSettling() {}

  /** Runs {@code transaction} until the compilers settle or the time is up; prints how long. */
  static void settle(String name, Runnable transaction) {
    long limitSeconds = Long.getLong("vpatch.bench.settleSeconds", 60);
    CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
    if (limitSeconds <= 0 || compiler == null || !compiler.isCompilationTimeMonitoringSupported()) {
      return;
    }
    long start = System.nanoTime();
    long deadline = start + limitSeconds * 1_000_000_000L;
    double percent;
    do {
      long compiledBefore = compiler.getTotalCompilationTime();
      long windowStart = System.nanoTime();
      while (System.nanoTime() - windowStart < WINDOW_NANOS) transaction.run();
      long windowMillis = (System.nanoTime() - windowStart) / 1_000_000;
      percent = 100.0 * (compiler.getTotalCompilationTime() - compiledBefore) / Math.max(1, windowMillis);
    } while (percent > SETTLED_PERCENT && System.nanoTime() < deadline);
    // On a line of its own: JMH has already printed the first warm-up iteration's label.
    System.out.printf(
        "%n# %s: JIT %s after %.1f s (compilers %.1f %% of the last second)%n",
        name,
        percent <= SETTLED_PERCENT ? "settled" : "still compiling",
        (System.nanoTime() - start) / 1e9,
        percent);
  }
}
