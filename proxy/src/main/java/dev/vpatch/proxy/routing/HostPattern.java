package dev.vpatch.proxy.routing;

import java.util.Locale;

/**
 * The host part of a route: an exact name ({@code shop.example.com}) or a wildcard for every
 * subdomain ({@code *.example.com}, which does not match {@code example.com} itself). Compared
 * case-insensitively; the port of the request's Host is ignored.
 */
public final class HostPattern {
  private final String text;
  private final String exact;
  private final String suffix;

  private HostPattern(String text, String exact, String suffix) {
    this.text = text;
    this.exact = exact;
    this.suffix = suffix;
  }

  public static HostPattern parse(String text) {
    String host = text.trim().toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    if (host.startsWith("*.")) {
      String rest = host.substring(1);
      checkName(text, rest.substring(1));
      return new HostPattern(text.trim(), null, rest);
    }
    checkName(text, host);
    return new HostPattern(text.trim(), host, null);
  }

  private static void checkName(String original, String name) {
    if (name.isEmpty() || name.indexOf('*') >= 0 || name.indexOf(':') >= 0 && !name.startsWith("[")) {
      throw new IllegalArgumentException("route host must be a name like shop.example.com or *.example.com"
          + " (no port), not '" + original + "'");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean allowed = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
          || c == '[' || c == ']' || c == ':';
      if (!allowed) {
        throw new IllegalArgumentException("route host contains '" + c + "': '" + original + "'");
      }
    }
  }

  /** @param host the request's host, lower case, without port */
  public boolean matches(String host) {
    if (exact != null) {
      return exact.equals(host);
    }
    return host.length() > suffix.length() && host.endsWith(suffix);
  }

  /** Higher is more specific: any exact name beats any wildcard, a longer wildcard beats a shorter one. */
  public int specificity() {
    return exact != null ? Integer.MAX_VALUE : suffix.length();
  }

  @Override
  public String toString() {
    return text;
  }
}
