package dev.vpatch.engine.transformations;

/**
 * The path normalisation behind normalizePath and normalizePathWin, following libmodsecurity's
 * algorithm step by step (its corner cases are part of the contract: "/.." gives "", "a/../../b"
 * gives "../b"). Removes "./" segments, resolves "x/../" against earlier segments without going
 * above the root, collapses repeated slashes, and keeps a trailing slash only if the input had one.
 */
final class PathNormalizer {
  private PathNormalizer() {}

  static String normalize(String input, boolean windows) {
    int length = input.length();
    if (length == 0 || !mayChange(input, windows)) {
      return input;
    }
    char[] p = input.toCharArray();
    int src = 0;
    int dst = 0;
    int end = length - 1;
    boolean hitRoot = false;
    boolean done = false;
    boolean relative = !isSlash(p[0], windows);
    boolean trailing = isSlash(p[end], windows);

    while (!done && src <= end && dst <= end) {
      if (windows) {
        if (p[src] == '\\') {
          p[src] = '/';
        }
        if (src < end && p[src + 1] == '\\') {
          p[src + 1] = '/';
        }
      }
      boolean normalizeSegment;
      if (src == end) {
        done = true;
        normalizeSegment = true;
      } else {
        normalizeSegment = p[src + 1] == '/';
      }
      boolean copy = true;
      if (normalizeSegment && !(src != end && p[src] == '/')) {
        if (p[src] == '.') {
          if (dst > 0 && p[dst - 1] == '.') {
            if (relative && (hitRoot || dst - 2 <= 0)) {
              hitRoot = true;
            } else {
              dst -= 3;
              while (dst > 0 && p[dst] != '/') {
                dst--;
              }
              if (dst <= 0) {
                hitRoot = true;
                dst = 0;
                if (!relative && src == end) {
                  dst++;
                }
              }
              if (done) {
                copy = false;
              } else {
                src++;
              }
            }
          } else if (dst == 0) {
            if (done) {
              copy = false;
            } else {
              src++;
            }
          } else if (p[dst - 1] == '/') {
            if (done) {
              copy = false;
            } else {
              dst--;
              src++;
            }
          }
        } else if (dst > 0) {
          hitRoot = false;
        }
      }
      if (!copy) {
        continue;
      }
      if (p[src] == '/') {
        while (src < end && (p[src + 1] == '/' || (windows && p[src + 1] == '\\'))) {
          src++;
        }
        if (relative && dst == 0) {
          src++;
          continue;
        }
      }
      p[dst++] = p[src++];
    }
    if (!trailing && dst > 0 && p[dst - 1] == '/') {
      dst--;
    }
    String result = new String(p, 0, dst);
    return result.equals(input) ? input : result;
  }

  private static boolean isSlash(char c, boolean windows) {
    return c == '/' || (windows && c == '\\');
  }

  /** Inputs without '.', repeated slashes, a leading slash on a relative path (etc.) stay as they are. */
  private static boolean mayChange(String input, boolean windows) {
    char previous = 0;
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      if (c == '.' || (windows && c == '\\') || (c == '/' && previous == '/')) {
        return true;
      }
      previous = c;
    }
    return input.charAt(input.length() - 1) == '/';
  }
}
