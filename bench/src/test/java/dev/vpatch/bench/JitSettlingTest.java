package dev.vpatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JitSettlingTest {
  private static final String LIMIT = "vpatch.bench.settleSeconds";

  @AfterEach
  void clearLimit() {
    System.clearProperty(LIMIT);
  }

  @Test
  void runsTheTransactionForAtLeastOneWindowAndStopsWithinTheLimit() {
    System.setProperty(LIMIT, "10");
    AtomicLong runs = new AtomicLong();
    long start = System.nanoTime();
    JitSettling.settle("count", runs::incrementAndGet);
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(runs.get()).isPositive();
    assertThat(seconds).isBetween(1.0, 12.0);
  }

  @Test
  void aLimitOfZeroSkipsSettling() {
    System.setProperty(LIMIT, "0");
    AtomicLong runs = new AtomicLong();
    JitSettling.settle("count", runs::incrementAndGet);
    assertThat(runs.get()).isZero();
  }
}
