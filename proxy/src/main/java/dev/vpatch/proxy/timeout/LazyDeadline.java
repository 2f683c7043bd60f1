package dev.vpatch.proxy.timeout;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A deadline that moves often and rarely expires (a read or response timeout per request on a
 * keep-alive connection). One task checks it; when the task runs before the current deadline it
 * moves itself there, so moving the deadline later costs two field writes instead of a timer
 * scheduled and cancelled per request (the event loop's scheduled-task queue was a measurable part
 * of a request). Confined to its event loop.
 */
public final class LazyDeadline {
  private final EventExecutor executor;
  private final Runnable onExpiry;
  private boolean armed;
  private long deadlineNanos;
  /** The task that checks the deadline, and when it runs; null when none is scheduled. */
  private ScheduledFuture<?> check;
  private long checkNanos;

  /** @param onExpiry runs on {@code executor} when an armed deadline passes (it is disarmed first) */
  public LazyDeadline(EventExecutor executor, Runnable onExpiry) {
    this.executor = executor;
    this.onExpiry = onExpiry;
  }

  /** Expires at {@code deadlineNanos} ({@link System#nanoTime()} time) unless disarmed or moved first. */
  public void arm(long deadlineNanos) {
    this.deadlineNanos = deadlineNanos;
    armed = true;
    if (check != null && checkNanos - deadlineNanos <= 0) {
      return; // the scheduled check comes first and moves itself to the new deadline
    }
    schedule(deadlineNanos);
  }

  /** No expiry until armed again; a scheduled check stays and then finds nothing to do. */
  public void disarm() {
    armed = false;
  }

  /** Disarms and drops the scheduled check: the connection is going away. */
  public void cancel() {
    armed = false;
    if (check != null) {
      check.cancel(false);
      check = null;
    }
  }

  private void schedule(long atNanos) {
    if (check != null) {
      check.cancel(false);
    }
    checkNanos = atNanos;
    check = executor.schedule(this::checkNow, Math.max(atNanos - System.nanoTime(), 1), TimeUnit.NANOSECONDS);
  }

  private void checkNow() {
    check = null;
    if (!armed) {
      return;
    }
    if (deadlineNanos - System.nanoTime() > 0) {
      schedule(deadlineNanos);
      return;
    }
    armed = false;
    onExpiry.run();
  }
}
