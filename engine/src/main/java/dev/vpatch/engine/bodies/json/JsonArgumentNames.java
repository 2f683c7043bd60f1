package dev.vpatch.engine.bodies.json;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds libmodsecurity 3's argument names for JSON values: the root is {@code json}, object
 * members append {@code .key} ({@code .empty-key} for ""), array elements append
 * {@code .array_N}. {@code {"a":[1,{"b":2}]}} gives {@code json.a.array_0} and
 * {@code json.a.array_1.b}; a bare scalar document is {@code json}. Each open container keeps the
 * prefix its children share, so a name costs its own length, not the nesting depth.
 */
final class JsonArgumentNames {
  private static final String ROOT = "json";
  private static final String EMPTY_KEY = "empty-key";

  private static final class Container {
    final boolean array;
    /** The parent's prefix plus this container's own name. */
    final String base;
    /** An object's members all share one prefix. */
    final String memberPrefix;
    int elements;

    Container(boolean array, String base) {
      this.array = array;
      this.base = base;
      this.memberPrefix = array ? null : base + ".";
    }

    String childPrefix() {
      return array ? base + ".array_" + elements : memberPrefix;
    }
  }

  private final List<Container> open = new ArrayList<>();
  private String key = "";

  int depth() {
    return open.size();
  }

  void key(String name) {
    key = name;
  }

  void startContainer(boolean array) {
    String base = open.isEmpty() ? ROOT : top().childPrefix() + memberName();
    open.add(new Container(array, base));
  }

  void endContainer() {
    open.remove(open.size() - 1);
    countElement();
  }

  /** The name of a scalar value at the current position; advances the array index. */
  String scalarName() {
    if (open.isEmpty()) {
      return ROOT;
    }
    String name = top().childPrefix() + memberName();
    countElement();
    return name;
  }

  private String memberName() {
    if (top().array) {
      return "";
    }
    String name = key.isEmpty() ? EMPTY_KEY : key;
    key = "";
    return name;
  }

  private void countElement() {
    if (!open.isEmpty() && top().array) {
      top().elements++;
    }
  }

  private Container top() {
    return open.get(open.size() - 1);
  }
}
