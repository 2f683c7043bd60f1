package dev.vpatch.engine.variables;

import java.util.Arrays;

/**
 * An ordered collection of key/value pairs (a SecLang collection such as ARGS or TX). Keys keep
 * the case they arrived with; lookups ignore case as ModSecurity does. Duplicate keys are kept
 * (a repeated parameter is two members).
 *
 * <p>Each key's case-folded hash is kept beside it, so a lookup by key compares ints and only
 * compares characters on a hash hit: CRS reads and writes TX (well over a hundred members) by
 * name thousands of times per transaction.
 */
public final class KeyedValues {
  private static final char[] FOLDED = new char[256];

  static {
    for (char c = 0; c < 256; c++) FOLDED[c] = fold(c);
  }

  private String[] keys = new String[8];
  private String[] values = new String[8];
  private int[] hashes = new int[8];
  private int size;
  private int version;

  /**
   * A hash that ignores case exactly as {@link String#equalsIgnoreCase} does (keys equal under it
   * have equal hashes). It reads the length and three characters only: computing it for every
   * member added (thousands of JSON argument names) must cost next to nothing, and telling keys
   * apart well enough to skip most comparisons needs no more.
   */
  public static int foldedHash(String key) {
    int length = key.length();
    if (length == 0) return 0;
    return ((length * 31 + folded(key.charAt(0))) * 31 + folded(key.charAt(length >> 1))) * 31
        + folded(key.charAt(length - 1));
  }

  private static char folded(char c) {
    return c < 256 ? FOLDED[c] : fold(c);
  }

  private static char fold(char c) {
    return Character.toLowerCase(Character.toUpperCase(c));
  }

  public int size() {
    return size;
  }

  /** Changes with every modification, so that what was derived from the members can be reused. */
  public int version() {
    return version;
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
      hashes = Arrays.copyOf(hashes, size * 2);
    }
    keys[size] = key;
    values[size] = value;
    hashes[size] = foldedHash(key);
    size++;
    version++;
  }

  /** Replaces the first member with this key (removing other members with it), or adds one. */
  public void put(String key, String value) {
    int hash = foldedHash(key);
    int first = indexOf(key, hash, 0);
    if (first < 0) {
      add(key, value);
      return;
    }
    values[first] = value;
    version++;
    for (int i = size - 1; i > first; i--) {
      if (hashes[i] == hash && keys[i].equalsIgnoreCase(key)) removeAt(i);
    }
  }

  /** The first value with this key, or null. */
  public String get(String key) {
    int i = indexOf(key);
    return i < 0 ? null : values[i];
  }

  public int indexOf(String key) {
    return indexOf(key, foldedHash(key), 0);
  }

  /**
   * The first member at or after {@code from} whose key equals {@code key} ignoring case, or -1.
   *
   * @param hash {@link #foldedHash(String)} of {@code key}
   */
  public int indexOf(String key, int hash, int from) {
    for (int i = from; i < size; i++) {
      if (hashes[i] == hash && keys[i].equalsIgnoreCase(key)) return i;
    }
    return -1;
  }

  public int count(String key) {
    int hash = foldedHash(key);
    int n = 0;
    for (int i = indexOf(key, hash, 0); i >= 0; i = indexOf(key, hash, i + 1)) n++;
    return n;
  }

  public void remove(String key) {
    int hash = foldedHash(key);
    for (int i = size - 1; i >= 0; i--) {
      if (hashes[i] == hash && keys[i].equalsIgnoreCase(key)) removeAt(i);
    }
  }

  private void removeAt(int index) {
    System.arraycopy(keys, index + 1, keys, index, size - index - 1);
    System.arraycopy(values, index + 1, values, index, size - index - 1);
    System.arraycopy(hashes, index + 1, hashes, index, size - index - 1);
    size--;
    version++;
    keys[size] = null;
    values[size] = null;
  }

  public void clear() {
    Arrays.fill(keys, 0, size, null);
    Arrays.fill(values, 0, size, null);
    size = 0;
    version++;
  }
}
