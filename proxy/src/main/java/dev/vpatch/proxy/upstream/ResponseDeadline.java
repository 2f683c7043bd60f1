package dev.vpatch.proxy.upstream;

import java.time.Duration;

/** The response deadline of the upstream connection an exchange is attached to. */
public interface ResponseDeadline {
  /** The request is sent: the listener fails with a TimeoutException unless a response head comes within {@code timeout}. */
  void start(Duration timeout);

  /** The response head came, or the exchange no longer waits for it. */
  void stop();
}
