package dev.vpatch.engine.operators.regex.dfa;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Partitions the 256 byte values into classes that no part of the program tells apart: every set
 * an instruction consumes, and the newline and word bytes when assertions look at them, contains
 * either all or none of a class. DFA transitions are then stored per class, not per byte.
 */
final class ByteClasses {
  private final byte[] classOf;
  private final int[] representative;

  private ByteClasses(byte[] classOf, int[] representative) {
    this.classOf = classOf;
    this.representative = representative;
  }

  static ByteClasses of(List<ByteSet> distinctions) {
    int[] classOf = new int[256];
    int count = 1;
    for (ByteSet set : distinctions) {
      // Split each class into its part inside the set and its part outside.
      Map<Long, Integer> renumbered = new HashMap<>();
      int[] refined = new int[256];
      for (int b = 0; b < 256; b++) {
        long key = ((long) classOf[b] << 1) | (set.contains(b) ? 1 : 0);
        refined[b] = renumbered.computeIfAbsent(key, k -> renumbered.size());
      }
      classOf = refined;
      count = renumbered.size();
    }
    byte[] compact = new byte[256];
    int[] representative = new int[count];
    Arrays.fill(representative, -1);
    for (int b = 0; b < 256; b++) {
      compact[b] = (byte) classOf[b];
      if (representative[classOf[b]] < 0) representative[classOf[b]] = b;
    }
    return new ByteClasses(compact, representative);
  }

  /** The class of byte {@code b} (0x00–0xFF). */
  int classOf(int b) {
    return classOf[b] & 0xff;
  }

  /** A byte belonging to {@code byteClass}. */
  int representative(int byteClass) {
    return representative[byteClass];
  }

  int count() {
    return representative.length;
  }
}
