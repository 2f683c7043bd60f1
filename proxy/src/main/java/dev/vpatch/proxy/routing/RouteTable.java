package dev.vpatch.proxy.routing;

import dev.vpatch.proxy.upstream.Upstream;
import java.util.List;
import java.util.Locale;

/**
 * Chooses the upstream of a request: among the routes whose host and path prefix match, those with
 * the most specific host (exact name, then the longest wildcard, then no host) win, and among them
 * the longest path prefix; on a tie the route listed first. Without a match, the default upstream;
 * without one, no upstream at all (the proxy answers 404).
 */
public final class RouteTable {
  /** Where a request goes and the target to send there. */
  public record Selection(Upstream upstream, String target, Route route) {}

  private final List<Route> routes;
  private final Upstream fallback;

  /** @param fallback the default upstream ({@code --upstream}), or null */
  public RouteTable(List<Route> routes, Upstream fallback) {
    this.routes = List.copyOf(routes);
    this.fallback = fallback;
    if (this.routes.isEmpty() && fallback == null) {
      throw new IllegalArgumentException("no upstream: give --upstream (upstream:) or at least one route");
    }
  }

  public List<Route> routes() {
    return routes;
  }

  /** The default upstream, or null. */
  public Upstream fallback() {
    return fallback;
  }

  /**
   * @param hostHeader the request's Host header (or :authority), may be null
   * @param target the request target as received (origin-form or absolute-form)
   * @return the selection, or null when no route matches and there is no default upstream
   */
  public Selection select(String hostHeader, String target) {
    if (routes.isEmpty()) {
      return new Selection(fallback, target, null);
    }
    String absoluteHost = RequestPath.absoluteFormHost(target);
    String host = hostWithoutPort(absoluteHost != null ? absoluteHost : hostHeader);
    String path = RequestPath.of(target);
    Route best = null;
    for (Route route : routes) {
      if ((route.host() != null && (host == null || !route.host().matches(host))) || !route.pathMatches(path)) {
        continue;
      }
      if (best == null || route.hostSpecificity() > best.hostSpecificity()
          || route.hostSpecificity() == best.hostSpecificity() && route.prefixLength() > best.prefixLength()) {
        best = route;
      }
    }
    if (best == null) {
      return fallback == null ? null : new Selection(fallback, target, null);
    }
    String forwarded = best.stripPrefix() ? stripped(best, path, target) : target;
    return new Selection(best.upstream(), forwarded, best);
  }

  private static String stripped(Route route, String path, String target) {
    String rest = path.substring(route.prefixLength());
    if (rest.isEmpty()) {
      rest = "/";
    }
    return rest + RequestPath.query(target);
  }

  static String hostWithoutPort(String host) {
    if (host == null || host.isEmpty()) {
      return null;
    }
    String lower = host.trim().toLowerCase(Locale.ROOT);
    if (lower.startsWith("[")) {
      int close = lower.indexOf(']');
      return close < 0 ? lower : lower.substring(0, close + 1);
    }
    int colon = lower.indexOf(':');
    String name = colon < 0 ? lower : lower.substring(0, colon);
    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }

  @Override
  public String toString() {
    return routes + (fallback == null ? "" : " default -> " + fallback);
  }
}
