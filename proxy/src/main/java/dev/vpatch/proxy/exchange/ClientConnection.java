package dev.vpatch.proxy.exchange;

import io.netty.channel.Channel;
import java.net.InetSocketAddress;

/** The client side of an exchange: the connection the request came in on. */
public interface ClientConnection {
  Channel channel();

  InetSocketAddress remoteAddress();

  InetSocketAddress localAddress();

  /** {@code http} or {@code https}, for X-Forwarded-Proto. */
  String scheme();

  /** The exchange can take more request body bytes now. */
  void readMoreRequestBody();

  /**
   * The exchange has answered; the connection may carry the next request when {@code keepAlive}
   * (the whole request was read and the response is complete), otherwise it is closed after flushing.
   */
  void exchangeFinished(boolean keepAlive);

  /** Marks the response about to be written as one to a HEAD request (no body bytes follow its head). */
  void nextResponseIsHead(boolean head);
}
