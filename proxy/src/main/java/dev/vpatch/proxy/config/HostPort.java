package dev.vpatch.proxy.config;

import java.net.InetSocketAddress;

/** Parses {@code HOST:PORT}, {@code :PORT} or {@code [v6]:PORT} for listen and admin addresses. */
public final class HostPort {
  private HostPort() {}

  /** @param option the option or key named in the error message */
  public static InetSocketAddress parse(String text, String option) {
    int colon = text.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException(option + " must be HOST:PORT, not '" + text + "'");
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (host.isEmpty()) {
      host = "0.0.0.0";
    }
    int port;
    try {
      port = Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + ": port must be a number in '" + text + "'");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(option + ": port out of range in '" + text + "'");
    }
    return InetSocketAddress.createUnresolved(host, port);
  }
}
