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
    if (input.isEmpty() || !mayChange(input, windows)) {
      return input;
    }
    return normalizeFully(input, windows);
  }

  /** {@link #normalize} without the {@link #mayChange} shortcut (tests compare the two). */
  static String normalizeFully(String input, boolean windows) {
    int length = input.length();
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

  /**
   * Whether the algorithm can change a (non-empty) input: only a segment that ends with a dot
   * ("." and "..", but the algorithm looks at the last characters only), a backslash on Windows,
   * a repeated slash or a trailing slash start a change. So "/shop/item.php" stays as it is
   * without a walk: a dot followed by anything else is copied like a letter.
   */
  static boolean mayChange(String input, boolean windows) {
    char previous = 0;
    int last = input.length() - 1;
    for (int i = 0; i <= last; i++) {
      char c = input.charAt(i);
      if (c == '.' && (i == last || isSlash(input.charAt(i + 1), windows))
          || (windows && c == '\\')
          || (c == '/' && previous == '/')) {
        return true;
      }
      previous = c;
    }
    return input.charAt(last) == '/';
  }
}
