package dev.vpatch.proxy.exchange;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Connection-specific header fields (RFC 9110 7.6.1) that a proxy must not forward: the fixed list
 * plus every field the Connection header names. Host and the framing fields cannot be removed this
 * way because the proxy sets those itself.
 */
final class HopByHopHeaders {
  private static final Set<String> ALWAYS = Set.of(
      "connection", "proxy-connection", "keep-alive", "te", "transfer-encoding", "upgrade", "trailer");
  private static final Set<String> NOT_NOMINATABLE = Set.of("host", "content-length");

  private final Set<String> names;

  private HopByHopHeaders(Set<String> names) {
    this.names = names;
  }

  static HopByHopHeaders of(HttpHeaders headers) {
    Set<String> names = new HashSet<>(ALWAYS);
    for (String connection : headers.getAll("connection")) {
      for (String option : connection.split(",")) {
        String name = option.trim().toLowerCase(Locale.ROOT);
        if (!name.isEmpty() && !NOT_NOMINATABLE.contains(name)) {
          names.add(name);
        }
      }
    }
    return new HopByHopHeaders(names);
  }

  boolean contains(String name) {
    return names.contains(name.toLowerCase(Locale.ROOT));
  }
}
