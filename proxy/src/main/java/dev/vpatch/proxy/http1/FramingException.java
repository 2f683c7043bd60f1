package dev.vpatch.proxy.http1;

/** A request whose bytes are not unambiguous HTTP/1.1: answered with {@link #status()} and the connection closed. */
public final class FramingException extends Exception {
  private final int status;

  public FramingException(int status, String reason) {
    super(reason, null, false, false);
    this.status = status;
  }

  public FramingException(String reason) {
    this(400, reason);
  }

  public int status() {
    return status;
  }
}
