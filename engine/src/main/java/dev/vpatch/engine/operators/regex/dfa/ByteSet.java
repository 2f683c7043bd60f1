package dev.vpatch.engine.operators.regex.dfa;

import java.util.Arrays;

/** An immutable set of byte values 0x00–0xFF, as four 64-bit words. */
final class ByteSet {
  static final ByteSet NONE = new ByteSet(new long[4]);
  static final ByteSet ALL = NONE.complement();

  private final long[] words;

  private ByteSet(long[] words) {
    this.words = words;
  }

  static ByteSet of(int b) {
    return NONE.with(b);
  }

  /** Bytes {@code low..high} inclusive; parts outside 0x00–0xFF are dropped. */
  static ByteSet range(int low, int high) {
    long[] words = new long[4];
    for (int b = Math.max(low, 0); b <= Math.min(high, 0xff); b++) {
      words[b >>> 6] |= 1L << b;
    }
    return new ByteSet(words);
  }

  boolean contains(int b) {
    return (words[b >>> 6] & (1L << b)) != 0;
  }

  boolean isEmpty() {
    return (words[0] | words[1] | words[2] | words[3]) == 0;
  }

  ByteSet with(int b) {
    if (b < 0 || b > 0xff) return this;
    long[] copy = words.clone();
    copy[b >>> 6] |= 1L << b;
    return new ByteSet(copy);
  }

  ByteSet without(int b) {
    if (b < 0 || b > 0xff) return this;
    long[] copy = words.clone();
    copy[b >>> 6] &= ~(1L << b);
    return new ByteSet(copy);
  }

  ByteSet union(ByteSet other) {
    long[] union = new long[4];
    for (int i = 0; i < 4; i++) union[i] = words[i] | other.words[i];
    return new ByteSet(union);
  }

  ByteSet complement() {
    long[] complement = new long[4];
    for (int i = 0; i < 4; i++) complement[i] = ~words[i];
    return new ByteSet(complement);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ByteSet set && Arrays.equals(words, set.words);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(words);
  }
}
