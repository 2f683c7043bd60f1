package dev.vpatch.proxy.upstream;

import java.net.URI;
import java.util.Locale;

/**
 * One upstream application: {@code http://host[:port]} or {@code https://host[:port]}. Requests keep
 * their path, so an upstream URL carries no path of its own.
 */
public record Upstream(String scheme, String host, int port) {
  public Upstream {
    scheme = scheme.toLowerCase(Locale.ROOT);
    host = host.toLowerCase(Locale.ROOT);
  }

  /** Parses and validates an upstream URL; the message of the exception names what is wrong. */
  public static Upstream parse(String url) {
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("upstream is not a URL: '" + url + "'");
    }
    return of(uri);
  }

  public static Upstream of(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("upstream must be an http:// or https:// URL, not '" + uri + "'");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("upstream URL has no host: '" + uri + "'");
    }
    String path = uri.getRawPath();
    if ((path != null && !path.isEmpty() && !path.equals("/")) || uri.getRawQuery() != null || uri.getRawFragment() != null
        || uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException("upstream URL must be scheme://host[:port] only (requests keep their own path): '"
          + uri + "'");
    }
    String host = uri.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    return new Upstream(scheme, host, port);
  }

  public boolean tls() {
    return scheme.equals("https");
  }

  /** The Host header value to send when the client sent none (HTTP/1.0): the port only when not the default. */
  public String authority() {
    String name = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    return port == (tls() ? 443 : 80) ? name : name + ":" + port;
  }

  @Override
  public String toString() {
    return scheme + "://" + authority();
  }
}
