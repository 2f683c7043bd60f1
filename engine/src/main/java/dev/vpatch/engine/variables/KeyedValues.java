package dev.vpatch.engine.variables;

import java.util.Arrays;

/**
 * An ordered collection of key/value pairs (a SecLang collection such as ARGS or TX). Keys keep
 * the case they arrived with; lookups ignore case as ModSecurity does. Duplicate keys are kept
 * (a repeated parameter is two members).
 */
public final class KeyedValues {
  private String[] keys = new String[8];
  private String[] values = new String[8];
  private int size;

  public int size() {
    return size;
  }

  public String key(int index) {
    return keys[index];
  }

  public String value(int index) {
    return values[index];
  }

  public void add(String key, String value) {
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    keys[size] = key;
    values[size] = value;
    size++;
  }

  /** Replaces the first member with this key (removing other members with it), or adds one. */
  public void put(String key, String value) {
    int first = indexOf(key);
    if (first < 0) {
      add(key, value);
      return;
    }
    values[first] = value;
    for (int i = size - 1; i > first; i--) {
      if (keys[i].equalsIgnoreCase(key)) removeAt(i);
    }
  }

  /** The first value with this key, or null. */
  public String get(String key) {
    int i = indexOf(key);
    return i < 0 ? null : values[i];
  }

  public int indexOf(String key) {
    for (int i = 0; i < size; i++) {
      if (keys[i].equalsIgnoreCase(key)) return i;
    }
    return -1;
  }

  public int count(String key) {
    int n = 0;
    for (int i = 0; i < size; i++) {
      if (keys[i].equalsIgnoreCase(key)) n++;
    }
    return n;
  }

  public void remove(String key) {
    for (int i = size - 1; i >= 0; i--) {
      if (keys[i].equalsIgnoreCase(key)) removeAt(i);
    }
  }

  private void removeAt(int index) {
    System.arraycopy(keys, index + 1, keys, index, size - index - 1);
    System.arraycopy(values, index + 1, values, index, size - index - 1);
    size--;
    keys[size] = null;
    values[size] = null;
  }

  public void clear() {
    Arrays.fill(keys, 0, size, null);
    Arrays.fill(values, 0, size, null);
    size = 0;
  }
}
