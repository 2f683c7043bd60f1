package dev.vpatch.engine.operators.regex;

/**
 * The last captures one pattern found in short inputs, shared by the transactions that run it.
 * A capturing rule that matches benign traffic (CRS 920440 takes the extension of every request
 * path, 920420 the media type of every body) runs RE2/J's capturing NFA on the same few values
 * request after request, at about 600 ns each; a hit here costs a hash and a comparison.
 *
 * <p>Direct-mapped, a few slots, inputs of at most {@value #MAX_INPUT} chars: an attacker who
 * floods it with distinct values only turns hits into misses, and what it holds stays small. An
 * entry is immutable and replaced whole, so racing transactions see an entry or its successor,
 * never a mix; the answer for an input never changes, so whichever they see is right.
 */
final class RecentMatches {
  static final int MAX_INPUT = 128;
  /** What {@link #find} answers for an input it does not hold. */
  static final RegexMatch UNKNOWN = new RegexMatch(-1, -1, new String[0]);

  private static final int SLOTS = 16;

  private record Entry(String input, RegexMatch match) {}

  /** Null until the first capture: most patterns never capture. */
  private Entry[] entries;

  /**
   * Whether an input is kept at all: a short one, and not one ending in a newline (whose match
   * may rest on the bounded backtracker's confirmation, which is not kept).
   */
  static boolean keeps(String input) {
    int length = input.length();
    return length <= MAX_INPUT && (length == 0 || input.charAt(length - 1) != '\n');
  }

  /** The kept answer for {@code input} (null: it did not match), or {@link #UNKNOWN}. */
  RegexMatch find(String input) {
    Entry[] kept = entries;
    if (kept == null) return UNKNOWN;
    Entry entry = kept[slot(input)];
    return entry != null && entry.input.equals(input) ? entry.match : UNKNOWN;
  }

  /** @param match the search's answer for {@code input}, null when nothing matched */
  void keep(String input, RegexMatch match) {
    Entry[] kept = entries;
    // Two first captures racing may each make an array: one wins, the other's entry is lost.
    if (kept == null) entries = kept = new Entry[SLOTS];
    kept[slot(input)] = new Entry(input, match);
  }

  private static int slot(String input) {
    int h = input.hashCode();
    return (h ^ (h >>> 16)) & (SLOTS - 1);
  }
}
