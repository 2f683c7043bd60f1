package dev.vpatch.engine.operators.regex.dfa;

import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The heap bytes that many lazy DFAs may hold in their state caches together. Each DFA's own
 * budget bounds one pattern; this one bounds the sum, so that input crafted to fill every
 * pattern's cache (CRS has hundreds) cannot grow the heap past a known total. A DFA that finds the
 * shared budget spent drops its own cache, as when its own budget is full: its searches stay
 * correct and linear, only slower. The bytes of a DFA that is garbage collected (a replaced rule
 * set) are given back. Thread-safe.
 */
public final class SharedCacheBudget {
  /** What every DFA of the process shares unless told otherwise. */
  public static final SharedCacheBudget PROCESS = new SharedCacheBudget(32L << 20);

  private static final Cleaner RETURNS = Cleaner.create();

  private final long limit;
  private final AtomicLong used = new AtomicLong();

  public SharedCacheBudget(long limitBytes) {
    this.limit = limitBytes;
  }

  /** The bytes charged now by every live account. */
  public long used() {
    return used.get();
  }

  /** A new account whose bytes return to this budget when {@code owner} is collected. */
  Account open(Object owner) {
    Account account = new Account();
    RETURNS.register(owner, account::releaseAll);
    return account;
  }

  /** One DFA's share. Its owner serializes charges; the cleaner may release concurrently. */
  final class Account {
    private final AtomicLong held = new AtomicLong();

    private Account() {}

    /** The bytes this account holds now. */
    long held() {
      return held.get();
    }

    /** Charges {@code bytes} if the shared budget has them left; false when it is spent. */
    boolean tryCharge(long bytes) {
      long before = used.getAndAdd(bytes);
      if (before + bytes > limit) {
        used.addAndGet(-bytes);
        return false;
      }
      held.addAndGet(bytes);
      return true;
    }

    /** Charges {@code bytes} whatever is left (one state over the limit per DFA at most). */
    void charge(long bytes) {
      used.addAndGet(bytes);
      held.addAndGet(bytes);
    }

    void releaseAll() {
      used.addAndGet(-held.getAndSet(0));
    }
  }
}
