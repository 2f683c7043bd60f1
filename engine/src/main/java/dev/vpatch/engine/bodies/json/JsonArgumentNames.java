package dev.vpatch.engine.bodies.json;

import java.util.Arrays;

/**
 * Builds libmodsecurity 3's argument names for JSON values: the root is {@code json}, object
 * members append {@code .key} ({@code .empty-key} for ""), array elements append
 * {@code .array_N}. {@code {"a":[1,{"b":2}]}} gives {@code json.a.array_0} and
 * {@code json.a.array_1.b}; a bare scalar document is {@code json}.
 *
 * <p>One buffer holds the path to the current position: each open container remembers where its
 * own name ends in it, and a child writes its part after that. So opening a container allocates
 * nothing, and a scalar's name is one copy of the buffer.
 */
final class JsonArgumentNames {
  private static final String ROOT = "json";
  private static final String EMPTY_KEY = "empty-key";

  private final StringBuilder path = new StringBuilder(64).append(ROOT);
  /** Per open container, outermost first: where its name ends in {@link #path}. */
  private int[] nameEnds = new int[8];
  /** Per open container: -1 for an object, else the next array index. */
  private int[] nextIndex = new int[8];
  private int depth;
  private String key = "";

  int depth() {
    return depth;
  }

  void key(String name) {
    key = name;
  }

  void startContainer(boolean array) {
    int nameEnd = depth == 0 ? ROOT.length() : writeChildName();
    if (depth == nameEnds.length) {
      nameEnds = Arrays.copyOf(nameEnds, depth * 2);
      nextIndex = Arrays.copyOf(nextIndex, depth * 2);
    }
    nameEnds[depth] = nameEnd;
    nextIndex[depth] = array ? 0 : -1;
    depth++;
  }

  void endContainer() {
    depth--;
    countElement();
  }

  /** The name of a scalar value at the current position; advances the array index. */
  String scalarName() {
    if (depth == 0) {
      return ROOT;
    }
    String name = path.substring(0, writeChildName());
    countElement();
    return name;
  }

  /** Writes the current child's name after its container's; returns where it ends. */
  private int writeChildName() {
    int top = depth - 1;
    path.setLength(nameEnds[top]);
    if (nextIndex[top] >= 0) {
      path.append(".array_").append(nextIndex[top]);
    } else {
      path.append('.').append(key.isEmpty() ? EMPTY_KEY : key);
      key = "";
    }
    return path.length();
  }

  private void countElement() {
    if (depth > 0 && nextIndex[depth - 1] >= 0) {
      nextIndex[depth - 1]++;
    }
  }
}
