package dev.vpatch.proxy.routing;

/**
 * The path of a request target in the form routes compare against: query removed, percent-encoded
 * unreserved characters decoded, repeated slashes merged and dot segments resolved (RFC 3986
 * 6.2.2), so {@code /api/../admin} and {@code /%61dmin} route like {@code /admin}, the way the
 * upstream will read them. Linear in the length of the target.
 */
public final class RequestPath {
  private RequestPath() {}

  /** The path of an origin-form or absolute-form target, normalized; "/" for "*" and empty paths. */
  public static String of(String target) {
    String path = pathPart(target);
    return normalize(path);
  }

  /** The host of an absolute-form target ({@code http://host:port/...}), or null for other forms. */
  public static String absoluteFormHost(String target) {
    int scheme = target.indexOf("://");
    if (scheme <= 0 || target.charAt(0) == '/') {
      return null;
    }
    int start = scheme + 3;
    int end = start;
    while (end < target.length() && "/?#".indexOf(target.charAt(end)) < 0) {
      end++;
    }
    String authority = target.substring(start, end);
    int at = authority.lastIndexOf('@');
    return at >= 0 ? authority.substring(at + 1) : authority;
  }

  /** The query with its leading '?', or "" when the target has none. */
  public static String query(String target) {
    int q = target.indexOf('?');
    return q < 0 ? "" : target.substring(q);
  }

  private static String pathPart(String target) {
    String rest = target;
    if (!rest.startsWith("/")) {
      int scheme = rest.indexOf("://");
      if (scheme <= 0) {
        return "/";
      }
      int slash = rest.indexOf('/', scheme + 3);
      int query = rest.indexOf('?', scheme + 3);
      if (slash < 0 || query >= 0 && query < slash) {
        return "/";
      }
      rest = rest.substring(slash);
    }
    int end = rest.length();
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (c == '?' || c == '#') {
        end = i;
        break;
      }
    }
    return rest.substring(0, end);
  }

  static String normalize(String path) {
    String decoded = decodeUnreserved(path);
    StringBuilder out = new StringBuilder(decoded.length() + 1);
    int i = 0;
    int n = decoded.length();
    while (i < n) {
      while (i < n && decoded.charAt(i) == '/') {
        i++;
      }
      int start = i;
      while (i < n && decoded.charAt(i) != '/') {
        i++;
      }
      String segment = decoded.substring(start, i);
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        int cut = out.lastIndexOf("/");
        out.setLength(Math.max(cut, 0));
        continue;
      }
      out.append('/').append(segment);
    }
    boolean trailingSlash = n > 0 && decoded.charAt(n - 1) == '/' && out.length() > 0;
    if (out.length() == 0 || trailingSlash) {
      out.append('/');
    }
    return out.toString();
  }

  private static String decodeUnreserved(String path) {
    if (path.indexOf('%') < 0) {
      return path;
    }
    StringBuilder out = new StringBuilder(path.length());
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '%' && i + 2 < path.length()) {
        int high = Character.digit(path.charAt(i + 1), 16);
        int low = Character.digit(path.charAt(i + 2), 16);
        if (high >= 0 && low >= 0 && isUnreserved((char) (high << 4 | low))) {
          out.append((char) (high << 4 | low));
          i += 2;
          continue;
        }
      }
      out.append(c);
    }
    return out.toString();
  }

  private static boolean isUnreserved(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
        || c == '~';
  }
}
