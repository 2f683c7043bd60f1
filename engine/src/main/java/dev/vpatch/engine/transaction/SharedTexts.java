package dev.vpatch.engine.transaction;

/**
 * Per transaction: one instance per distinct short text among the argument values the parsers
 * add. What the transaction learns about a value is kept per instance (its forms after each
 * transformation, the prefilter literals in each, operator groups' answers: see {@link
 * TransformationCache}), so equal texts in one instance are transformed, scanned and answered
 * once. Request bodies repeat short values a lot: quantities, flags, colours (80 of the 131
 * members of the benchmark's form). Argument names rarely repeat (JSON's carry array indexes,
 * forms number their fields), and long texts rarely do: hashing them cost more than sharing
 * saved (a fifth of a 4 KB JSON body's parsing went to sharing its names), so they keep their
 * own instance.
 *
 * <p>The texts are the client's, and String hashes collide at will ({@code "Aa"} and {@code
 * "BB"}): a text that finds no equal within a few slots keeps its own instance, so a request
 * built to collide costs a few probes per argument, never a walk over all of them. The table
 * holds at most one entry per argument, and arguments are bounded by the body and query limits.
 */
final class SharedTexts {
  /** Longer texts keep their instance. */
  static final int MAX_LENGTH = 64;
  /** Slots a text looks at for an equal one (and a free slot) before it keeps its instance. */
  static final int MAX_PROBES = 8;

  /** Open addressing, linear probing; null until the first text. */
  private String[] table;
  private int size;

  /** An instance equal to {@code text}: the first one this transaction shared, else {@code text}. */
  String share(String text) {
    if (text.length() > MAX_LENGTH) return text;
    if (table == null) table = new String[64];
    int mask = table.length - 1;
    int hash = text.hashCode();
    int slot = spread(hash) & mask;
    for (int probes = 0; ; probes++, slot = (slot + 1) & mask) {
      String kept = table[slot];
      if (kept == null) break;
      if (kept.hashCode() == hash && kept.equals(text)) return kept;
      if (probes == MAX_PROBES) return text;
    }
    table[slot] = text;
    if (++size * 2 > table.length) grow();
    return text;
  }

  private void grow() {
    String[] old = table;
    table = new String[old.length * 2];
    int mask = table.length - 1;
    for (String text : old) {
      if (text == null) continue;
      int slot = spread(text.hashCode()) & mask;
      while (table[slot] != null) slot = (slot + 1) & mask;
      table[slot] = text;
    }
  }

  /** String hashes of short texts differ mostly in their low bits' neighbours: mix the high in. */
  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }
}
