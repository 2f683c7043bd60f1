package dev.vpatch.proxy.routing;

import dev.vpatch.proxy.upstream.Upstream;
import java.nio.file.Path;
import java.util.List;

/**
 * One line of the route table.
 *
 * @param host which Host the route serves, or null for any
 * @param pathPrefix which paths it serves ("/api" serves /api and /api/..., not /apix), or null for any
 * @param upstream where matching requests go
 * @param stripPrefix whether the prefix is removed from the path sent upstream
 * @param rules rule files or directories loaded after the proxy-wide rules for this route's
 *     requests, or null when the route uses the proxy-wide rules only
 */
public record Route(HostPattern host, String pathPrefix, Upstream upstream, boolean stripPrefix, List<Path> rules) {
  public Route {
    rules = rules == null ? null : List.copyOf(rules);
    if (pathPrefix != null) {
      pathPrefix = normalizePrefix(pathPrefix);
    }
    if (stripPrefix && pathPrefix == null) {
      throw new IllegalArgumentException("strip-prefix needs a path");
    }
  }

  /** Builds a route from its textual parts (host and path may be null). */
  public static Route of(String host, String path, String upstream, boolean stripPrefix) {
    return of(host, path, upstream, stripPrefix, null);
  }

  /** Builds a route with its own rule files (null: the proxy-wide rules only). */
  public static Route of(String host, String path, String upstream, boolean stripPrefix, List<Path> rules) {
    return new Route(host == null ? null : HostPattern.parse(host), path, Upstream.parse(upstream), stripPrefix, rules);
  }

  private static String normalizePrefix(String prefix) {
    if (!prefix.startsWith("/")) {
      throw new IllegalArgumentException("route path must start with '/', not '" + prefix + "'");
    }
    if (prefix.indexOf('?') >= 0 || prefix.indexOf('#') >= 0) {
      throw new IllegalArgumentException("route path must not contain '?' or '#': '" + prefix + "'");
    }
    String normalized = RequestPath.normalize(prefix);
    return normalized.length() > 1 && normalized.endsWith("/") ? normalized.substring(0, normalized.length() - 1) : normalized;
  }

  /** Whether the normalized request path lies under this route's prefix, on a segment boundary. */
  boolean pathMatches(String path) {
    if (pathPrefix == null || pathPrefix.equals("/")) {
      return true;
    }
    return path.startsWith(pathPrefix) && (path.length() == pathPrefix.length() || path.charAt(pathPrefix.length()) == '/');
  }

  int prefixLength() {
    return pathPrefix == null || pathPrefix.equals("/") ? 0 : pathPrefix.length();
  }

  int hostSpecificity() {
    return host == null ? -1 : host.specificity();
  }

  @Override
  public String toString() {
    return (host == null ? "*" : host.toString()) + (pathPrefix == null ? "" : pathPrefix) + " -> " + upstream
        + (stripPrefix ? " (strip-prefix)" : "") + (rules == null ? "" : " rules " + rules);
  }
}
