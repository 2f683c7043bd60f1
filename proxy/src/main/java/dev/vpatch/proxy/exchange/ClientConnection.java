package dev.vpatch.proxy.exchange;

import io.netty.channel.Channel;
import java.net.InetSocketAddress;

/** The client side of an exchange: the connection the request came in on. */
public interface ClientConnection {
  Channel channel();

  InetSocketAddress remoteAddress();

  InetSocketAddress localAddress();

  /** The client's IP address as text (formatting an address allocates, so connections keep it). */
  String remoteHost();

  /** The local IP address the client connected to, as text. */
  String localHost();

  /** {@code http} or {@code https}, for X-Forwarded-Proto. */
  String scheme();

  /** The exchange can take more request body bytes now. */
  void readMoreRequestBody();

  /**
   * The exchange has answered; the connection may carry the next request when {@code keepAlive}
   * (the whole request was read and the response is complete), otherwise it is closed after flushing.
   */
  void exchangeFinished(boolean keepAlive);

  /**
   * The upstream accepted a protocol upgrade (WebSocket) whose 101 answer has been written: from now
   * on the connection relays raw bytes to and from {@code upstream}. Returns false where the client
   * protocol cannot be upgraded (HTTP/2 streams), and the caller then refuses the upgrade.
   */
  boolean switchToTunnel(Channel upstream, Runnable onClose);

  /** Marks the response about to be written as one to a HEAD request (no body bytes follow its head). */
  void nextResponseIsHead(boolean head);
}
