package dev.vpatch.engine.variables;

import java.util.Arrays;

/**
 * An ordered collection of key/value pairs (a SecLang collection such as ARGS or TX). Keys keep
 * the case they arrived with; lookups ignore case as ModSecurity does. Duplicate keys are kept
 * (a repeated parameter is two members).
 *
 * <p>Each key's case-folded hash is kept beside it, so a lookup by key compares ints and only
 * compares characters on a hash hit. A collection that grows large and is looked up by key also
 * gets a hash index, built on the first such lookup: CRS reads and writes TX (well over a hundred
 * members) by name hundreds of times per transaction, and a scan per lookup added up. Hashes are
 * computed by the first lookup after members were added: most collections (MATCHED_VARS, the
 * arguments) are never looked up by key.
 *
 * <p>A collection made {@link #withUniqueKeys} holds each key once (TX, a map in ModSecurity):
 * it first tries a {@link LiteralKey}'s last position, and stops after the first member found.
 */
public final class KeyedValues {
  private static final char[] FOLDED = new char[256];

  static {
    for (char c = 0; c < 256; c++) FOLDED[c] = fold(c);
  }

  /** Below this many members a lookup scans: cheaper than keeping an index. */
  private static final int INDEXED_FROM = 16;

  private static final String[] NO_STRINGS = new String[0];
  private static final int[] NO_HASHES = new int[0];

  // Empty until the first member: a transaction creates several collections that stay empty.
  private String[] keys = NO_STRINGS;
  private String[] values = NO_STRINGS;
  private int[] hashes = NO_HASHES;
  private int size;
  /** Members below this index have their hash in {@link #hashes}. */
  private int hashed;
  private boolean uniqueKeys;
  private int version;
  /**
   * The hash index, or null: per bucket the first member in it plus one (0: empty), and per
   * member the next member in its bucket plus one, so a bucket lists its members in order.
   */
  private int[] bucketFirst;
  private int[] bucketLast;
  private int[] nextInBucket;
  /**
   * What the transaction owning this collection derives from it (its members' forms), kept here
   * to spare a map lookup for every rule target that reads the collection; opaque to this class.
   */
  private Object derived;

  /**
   * A hash that ignores case exactly as {@link String#equalsIgnoreCase} does (keys equal under it
   * have equal hashes). It reads the length and three characters only: computing it for every
   * member added (thousands of JSON argument names) must cost next to nothing, and telling keys
   * apart well enough to skip most comparisons needs no more.
   */
  public static int foldedHash(String key) {
    int length = key.length();
    if (length == 0) return 0;
    int h = length * 31 + folded(key.charAt(0));
    h = h * 31 + folded(key.charAt(length >> 2));
    h = h * 31 + folded(key.charAt(length >> 1));
    h = h * 31 + folded(key.charAt(length - 1 - (length >> 2)));
    return h * 31 + folded(key.charAt(length - 1));
  }

  /**
   * {@link String#equalsIgnoreCase} for keys: two chars are equal ignoring case exactly when
   * their folded forms (lower case of upper case) are equal.
   */
  private static boolean sameKey(String a, String b) {
    // Keys are mostly set and looked up in one case (CRS: lower case, and literal keys of rule
    // targets are folded when compiled): the intrinsic comparison settles those.
    if (a.equals(b)) return true;
    int length = a.length();
    if (length != b.length()) return false;
    for (int i = 0; i < length; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y && folded(x) != folded(y)) return false;
    }
    return true;
  }

  /**
   * {@code key} with every character folded as keys compare: a key looked up again and again
   * (a rule target's literal) is folded once, so that it equals most members' keys exactly.
   */
  public static String foldedKey(String key) {
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (folded(c) != c) {
        char[] chars = key.toCharArray();
        for (int j = i; j < chars.length; j++) chars[j] = folded(chars[j]);
        return new String(chars);
      }
    }
    return key;
  }

  private static char folded(char c) {
    return c < 256 ? FOLDED[c] : fold(c);
  }

  private static char fold(char c) {
    return Character.toLowerCase(Character.toUpperCase(c));
  }

  public KeyedValues() {}

  /** A collection that keeps one member per key: {@link #add} replaces as {@link #put} does. */
  public static KeyedValues withUniqueKeys(int expectedSize) {
    KeyedValues values = new KeyedValues(expectedSize);
    values.uniqueKeys = true;
    return values;
  }

  /**
   * A collection sized for {@code expectedSize} members, so that filling it up to that size
   * neither regrows its arrays nor rebuilds its index (a transaction's TX collection grows by the
   * same steps every time otherwise).
   */
  public KeyedValues(int expectedSize) {
    if (expectedSize > 0) {
      keys = new String[expectedSize];
      values = new String[expectedSize];
      hashes = new int[expectedSize];
    }
  }

  public int size() {
    return size;
  }

  /** See {@link #derived}: null until the owner attaches something. */
  public Object derived() {
    return derived;
  }

  public void derived(Object value) {
    derived = value;
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
    if (uniqueKeys) {
      put(key, value);
      return;
    }
    append(key, value, 0, false);
  }

  /** Adds a member; {@code hash} is its key's when {@code hashKnown} (a put computed it). */
  private void append(String key, String value, int hash, boolean hashKnown) {
    if (size == keys.length) {
      int capacity = Math.max(8, size * 2);
      keys = Arrays.copyOf(keys, capacity);
      values = Arrays.copyOf(values, capacity);
      hashes = Arrays.copyOf(hashes, capacity);
    }
    keys[size] = key;
    values[size] = value;
    if (hashKnown && hashed == size) {
      hashes[size] = hash;
      hashed++;
    }
    size++;
    version++;
    if (bucketFirst != null) {
      if (size * 2 > bucketFirst.length) {
        bucketFirst = null;
      } else {
        hashAll();
        link(size - 1);
      }
    }
  }

  /** Computes the hashes of the members added since the last lookup by key. */
  private void hashAll() {
    for (int i = hashed; i < size; i++) hashes[i] = foldedHash(keys[i]);
    hashed = size;
  }

  /** Replaces the first member with this key (removing other members with it), or adds one. */
  public void put(String key, String value) {
    int hash = foldedHash(key);
    replaceOrAppend(indexOf(key, hash, 0), key, hash, value);
  }

  /** {@link #put(String, String)} with a literal key. */
  public void put(LiteralKey key, String value) {
    replaceOrAppend(indexOf(key), key.text(), key.hash(), value);
  }

  private void replaceOrAppend(int first, String key, int hash, String value) {
    if (first < 0) {
      append(key, value, hash, true);
      return;
    }
    values[first] = value;
    version++;
    if (uniqueKeys) return;
    for (int i = size - 1; i > first; i--) {
      if (hashes[i] == hash && sameKey(keys[i], key)) removeAt(i);
    }
  }

  /** The first value with this key, or null. */
  public String get(String key) {
    int i = indexOf(key);
    return i < 0 ? null : values[i];
  }

  /** {@link #get(String)} with a literal key. */
  public String get(LiteralKey key) {
    int i = indexOf(key);
    return i < 0 ? null : values[i];
  }

  public int indexOf(String key) {
    return indexOf(key, foldedHash(key), 0);
  }

  /** The first member with this literal key, or -1. */
  public int indexOf(LiteralKey key) {
    String text = key.text();
    if (uniqueKeys) {
      int last = key.lastIndex;
      if (last < size && keys[last] == text) return last;
    }
    int found = indexOf(text, key.hash(), 0);
    if (uniqueKeys && found >= 0 && found != key.lastIndex) key.lastIndex = found;
    return found;
  }

  /** The next member after {@code previous} with this literal key, or -1 (always, with unique keys). */
  public int nextIndexOf(LiteralKey key, int previous) {
    return uniqueKeys ? -1 : indexOf(key.text(), key.hash(), previous + 1);
  }

  /**
   * The first member at or after {@code from} whose key equals {@code key} ignoring case, or -1.
   *
   * @param hash {@link #foldedHash(String)} of {@code key}
   */
  public int indexOf(String key, int hash, int from) {
    if (hashed < size) hashAll();
    if (size < INDEXED_FROM) {
      for (int i = from; i < size; i++) {
        if (hashes[i] == hash && sameKey(keys[i], key)) return i;
      }
      return -1;
    }
    if (bucketFirst == null) buildIndex();
    for (int i = bucketFirst[bucket(hash)] - 1; i >= 0; i = nextInBucket[i] - 1) {
      if (i >= from && hashes[i] == hash && sameKey(keys[i], key)) return i;
    }
    return -1;
  }

  private int bucket(int hash) {
    int h = hash * 0x9E3779B9;
    return (h ^ (h >>> 16)) & (bucketFirst.length - 1);
  }

  private void buildIndex() {
    // Sized for the arrays' capacity too: members added up to it link without a rebuild.
    int buckets = Integer.highestOneBit(Math.max(INDEXED_FROM, Math.max(size, keys.length)) * 4 - 1);
    bucketFirst = new int[buckets];
    bucketLast = new int[buckets];
    if (nextInBucket == null || nextInBucket.length < keys.length) nextInBucket = new int[keys.length];
    for (int i = 0; i < size; i++) link(i);
  }

  private void link(int member) {
    if (nextInBucket.length <= member) nextInBucket = Arrays.copyOf(nextInBucket, keys.length);
    int b = bucket(hashes[member]);
    nextInBucket[member] = 0;
    if (bucketLast[b] == 0) bucketFirst[b] = member + 1;
    else nextInBucket[bucketLast[b] - 1] = member + 1;
    bucketLast[b] = member + 1;
  }

  public int count(String key) {
    int hash = foldedHash(key);
    if (uniqueKeys) return indexOf(key, hash, 0) < 0 ? 0 : 1;
    int n = 0;
    for (int i = indexOf(key, hash, 0); i >= 0; i = indexOf(key, hash, i + 1)) n++;
    return n;
  }

  public void remove(String key) {
    int hash = foldedHash(key);
    if (hashed < size) hashAll();
    for (int i = size - 1; i >= 0; i--) {
      if (hashes[i] == hash && sameKey(keys[i], key)) removeAt(i);
    }
  }

  private void removeAt(int index) {
    System.arraycopy(keys, index + 1, keys, index, size - index - 1);
    System.arraycopy(values, index + 1, values, index, size - index - 1);
    System.arraycopy(hashes, index + 1, hashes, index, size - index - 1);
    size--;
    if (index < hashed) hashed--;
    version++;
    keys[size] = null;
    values[size] = null;
    bucketFirst = null;
  }

  /**
   * Makes this collection hold exactly the members of {@code source}, with their hashes: a
   * transaction taking over a state computed once for all (CRS's initialised TX). Reads {@code
   * source} only, so many transactions may copy it at once once {@link #hashAllKeys()} ran on it.
   */
  public void copyFrom(KeyedValues source) {
    int n = source.size;
    if (keys.length < n) {
      keys = new String[n];
      values = new String[n];
      hashes = new int[n];
    }
    System.arraycopy(source.keys, 0, keys, 0, n);
    System.arraycopy(source.values, 0, values, 0, n);
    System.arraycopy(source.hashes, 0, hashes, 0, source.hashed);
    for (int i = n; i < size; i++) {
      keys[i] = null;
      values[i] = null;
    }
    size = n;
    hashed = source.hashed;
    version++;
    bucketFirst = null;
  }

  /** Computes every member's key hash now, so that {@link #copyFrom} copies them. */
  public void hashAllKeys() {
    if (hashed < size) hashAll();
  }

  public void clear() {
    // Every rule clears MATCHED_VARS, mostly empty: nothing to do then (no member, no index).
    if (size == 0 && bucketFirst == null) return;
    // The old members stay referenced until overwritten: a collection lives as long as its
    // transaction, which holds them anyway, and nulling them was a visible cost per rule.
    size = 0;
    hashed = 0;
    version++;
    bucketFirst = null;
  }
}
