package dev.vpatch.engine.operators.regex;

/**
 * A view of a string that throws {@link BudgetExceeded} once a deadline has passed, checked every
 * few thousand reads: a backtracking matcher reads characters all the time, so this bounds its
 * running time without a second thread.
 */
final class DeadlineCharSequence implements CharSequence {
  private static final int CHECK_INTERVAL = 4096;

  static final class BudgetExceeded extends RuntimeException {
    BudgetExceeded() {
      super("regular expression time budget exceeded", null, false, false);
    }
  }

  private final String text;
  private final int offset;
  private final int length;
  private final long deadlineNanos;
  private int readsUntilCheck = CHECK_INTERVAL;

  DeadlineCharSequence(String text, int offset, int length, long deadlineNanos) {
    this.text = text;
    this.offset = offset;
    this.length = length;
    this.deadlineNanos = deadlineNanos;
  }

  @Override
  public char charAt(int index) {
    if (--readsUntilCheck == 0) {
      readsUntilCheck = CHECK_INTERVAL;
      if (System.nanoTime() - deadlineNanos > 0) throw new BudgetExceeded();
    }
    if (index >= length) throw new IndexOutOfBoundsException(index);
    return text.charAt(offset + index);
  }

  @Override
  public int length() {
    return length;
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return new DeadlineCharSequence(text, offset + start, end - start, deadlineNanos);
  }

  @Override
  public String toString() {
    return text.substring(offset, offset + length);
  }
}
