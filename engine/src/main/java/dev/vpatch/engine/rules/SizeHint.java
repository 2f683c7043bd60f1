package dev.vpatch.engine.rules;

/**
 * How large a per-transaction structure of a rule set (its TX collection, its transformation
 * cache) usually gets, so that new transactions allocate it at about that size instead of growing
 * it by the same steps every time, while a rule set that never fills it does not pay for a large
 * one.
 *
 * <p>It follows a moving average of the sizes transactions noted, not their maximum: traffic
 * mixes small GETs with large forms, and a GET sized for the largest form zeroes a table many
 * times what it uses. The expectation leaves a quarter of headroom above the average.
 *
 * <p>Read and written without synchronisation on purpose: a lost or stale update only means a
 * transaction grows its structure as it would have without the hint.
 */
public final class SizeHint {
  /** The weight of the newest size in the average is 1 / 2^{@value}. */
  private static final int WEIGHT_SHIFT = 3;

  private final int cap;
  private int average;

  /** @param cap the largest expectation: one huge transaction must not inflate the next ones */
  public SizeHint(int cap) {
    this.cap = cap;
  }

  /** The size to allocate for, 0 until a transaction noted one. */
  public int expected() {
    int mean = average;
    return Math.min(cap, mean + (mean >> 2));
  }

  /** Records the size a finished transaction's structure reached. */
  public void note(int size) {
    int clipped = Math.min(Math.max(size, 0), cap);
    int mean = average;
    average = mean == 0 ? clipped : mean + ((clipped - mean) >> WEIGHT_SHIFT);
  }
}
