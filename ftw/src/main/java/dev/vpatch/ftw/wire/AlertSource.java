package dev.vpatch.ftw.wire;

/**
 * Where the wire client learns which rules a server under test matched for a request: an alert
 * stream or audit log the server appends to. The client calls {@link #mark()} before sending a
 * request and {@link #since(long)} after reading the response, so exchanges must not overlap
 * (run the wire client on one thread).
 */
public interface AlertSource {
  /** No log: only status and response checks are meaningful. */
  AlertSource NONE = new AlertSource() {
    @Override
    public long mark() {
      return 0;
    }

    @Override
    public WafLog since(long mark) {
      return WafLog.EMPTY;
    }
  };

  /** The current position of the log, to pass to {@link #since(long)}. */
  long mark();

  /** Everything logged after {@code mark}. */
  WafLog since(long mark);
}
