package dev.vpatch.engine.transaction;

/**
 * The scalar variables of one transaction (REQUEST_URI, RESPONSE_STATUS, ...) by name: an
 * open-addressing table of names and values. A transaction sets some thirty of them, and rules and
 * macros read them by name many times: the names are mostly the same interned constants, compared
 * by identity before {@code equals}, and setting one allocates no entry (a map's entries were a
 * measurable part of a transaction under a few patch rules).
 */
final class Scalars {
  private static final int FIRST_CAPACITY = 64;

  private String[] names = new String[FIRST_CAPACITY];
  private String[] values = new String[FIRST_CAPACITY];
  private int size;

  /** The value of {@code name}, or null when it is not set. */
  String get(String name) {
    int slot = slotOf(names, name);
    return names[slot] == null ? null : values[slot];
  }

  String getOrDefault(String name, String fallback) {
    String value = get(name);
    return value != null ? value : fallback;
  }

  void put(String name, String value) {
    int slot = slotOf(names, name);
    if (names[slot] == null) {
      if (2 * (size + 1) > names.length) {
        grow();
        slot = slotOf(names, name);
      }
      names[slot] = name;
      size++;
    }
    values[slot] = value;
  }

  /** The slot holding {@code name}, or the empty slot where it belongs (the table is never full). */
  private static int slotOf(String[] table, String name) {
    int mask = table.length - 1;
    int slot = spread(name.hashCode()) & mask;
    while (true) {
      String present = table[slot];
      if (present == null || present == name || present.equals(name)) return slot;
      slot = (slot + 1) & mask;
    }
  }

  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }

  private void grow() {
    String[] oldNames = names;
    String[] oldValues = values;
    names = new String[oldNames.length * 2];
    values = new String[oldNames.length * 2];
    for (int i = 0; i < oldNames.length; i++) {
      if (oldNames[i] != null) {
        int slot = slotOf(names, oldNames[i]);
        names[slot] = oldNames[i];
        values[slot] = oldValues[i];
      }
    }
  }
}
