package dev.vpatch.engine.bodies.multipart;

/**
 * Finds "--" followed by the boundary inside a line in linear time (Knuth-Morris-Pratt), so that
 * long boundaries and long lines cannot make the search quadratic.
 */
final class DashBoundaryFinder {
  private final byte[] boundary;
  private final byte[] pattern;
  private final int[] fallback;

  DashBoundaryFinder(byte[] boundary) {
    this.boundary = boundary;
    pattern = new byte[boundary.length + 2];
    pattern[0] = '-';
    pattern[1] = '-';
    System.arraycopy(boundary, 0, pattern, 2, boundary.length);
    fallback = new int[pattern.length];
    for (int i = 1, k = 0; i < pattern.length; i++) {
      while (k > 0 && pattern[i] != pattern[k]) {
        k = fallback[k - 1];
      }
      if (pattern[i] == pattern[k]) {
        k++;
      }
      fallback[i] = k;
    }
  }

  /** Whether "--boundary" occurs anywhere in {@code bytes[0, length)}. */
  boolean foundIn(byte[] bytes, int length) {
    for (int i = 0, k = 0; i < length; i++) {
      while (k > 0 && bytes[i] != pattern[k]) {
        k = fallback[k - 1];
      }
      if (bytes[i] == pattern[k]) {
        k++;
        if (k == pattern.length) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether the boundary (without dashes) starts at {@code offset} and fits within {@code length}. */
  boolean boundaryAt(byte[] bytes, int length, int offset) {
    if (offset + boundary.length > length) {
      return false;
    }
    for (int i = 0; i < boundary.length; i++) {
      if (bytes[offset + i] != boundary[i]) {
        return false;
      }
    }
    return true;
  }
}
