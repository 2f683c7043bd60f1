package dev.vpatch.engine.rules;

/**
 * A fixed set of a rule set's chains, one bit per chain starter's position. Run-time exclusions
 * resolve their rules into one of these once, so testing a rule reads a word that stays in cache
 * instead of following each rule's tag list.
 */
public final class RuleBitSet {
  private final long[] words;

  RuleBitSet(int size) {
    words = new long[(size + 63) >>> 6];
  }

  void add(int ordinal) {
    words[ordinal >>> 6] |= 1L << ordinal;
  }

  boolean contains(int ordinal) {
    return (words[ordinal >>> 6] & (1L << ordinal)) != 0;
  }
}
