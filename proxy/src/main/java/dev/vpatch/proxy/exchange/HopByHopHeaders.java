package dev.vpatch.proxy.exchange;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Connection-specific header fields (RFC 9110 7.6.1) that a proxy must not forward: the fixed list
 * plus every field the Connection header names. Host and the framing fields cannot be removed this
 * way because the proxy sets those itself. Built for every message, so the common case (Connection
 * absent or only "keep-alive"/"close") allocates nothing.
 */
final class HopByHopHeaders {
  private static final String[] ALWAYS = {
    "connection", "proxy-connection", "keep-alive", "te", "transfer-encoding", "upgrade", "trailer"
  };
  private static final String[] NOT_NOMINATABLE = {"host", "content-length"};
  private static final HopByHopHeaders FIXED = new HopByHopHeaders(List.of());

  private final List<String> nominated;

  private HopByHopHeaders(List<String> nominated) {
    this.nominated = nominated;
  }

  static HopByHopHeaders of(HttpHeaders headers) {
    if (!headers.contains(HttpHeaderNames.CONNECTION)) {
      return FIXED;
    }
    List<String> nominated = null;
    for (String connection : headers.getAll(HttpHeaderNames.CONNECTION)) {
      int start = 0;
      while (start <= connection.length()) {
        int comma = connection.indexOf(',', start);
        int end = comma < 0 ? connection.length() : comma;
        String name = connection.substring(start, end).trim();
        if (!name.isEmpty() && !isOneOf(name, ALWAYS) && !isOneOf(name, NOT_NOMINATABLE)) {
          if (nominated == null) {
            nominated = new ArrayList<>(2);
          }
          nominated.add(name);
        }
        start = end + 1;
      }
    }
    return nominated == null ? FIXED : new HopByHopHeaders(nominated);
  }

  /**
   * Removes every connection-specific field from {@code headers}. The fields are looked at once and
   * only the names present are removed: a removal by name for each of the fixed names cost more than
   * the scan (a response usually has a handful of fields, of which only Connection goes).
   */
  void removeFrom(HttpHeaders headers) {
    List<String> present = null;
    for (Iterator<Map.Entry<CharSequence, CharSequence>> it = headers.iteratorCharSequence(); it.hasNext(); ) {
      String name = it.next().getKey().toString();
      if (contains(name)) {
        if (present == null) {
          present = new ArrayList<>(2);
        }
        present.add(name); // the header iterator cannot remove
      }
    }
    if (present != null) {
      for (int i = 0; i < present.size(); i++) {
        headers.remove(present.get(i));
      }
    }
  }

  boolean contains(String name) {
    if (isOneOf(name, ALWAYS)) {
      return true;
    }
    for (int i = 0; i < nominated.size(); i++) {
      if (nominated.get(i).equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isOneOf(String name, String[] lowerCaseNames) {
    for (String candidate : lowerCaseNames) {
      if (candidate.length() == name.length() && candidate.equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }
}
