package dev.vpatch.engine.operators.regex.dfa;

/**
 * One DFA state: the NFA instructions waiting at a position (before following the zero-width
 * steps, which depend on the next byte) and what the assertions need to know about the byte
 * before it. Immutable apart from {@link #next}, whose entries are filled in once under the DFA's
 * lock and read without it: a reader that sees null takes the lock and looks again, and a state
 * seen through a racy read is safe because all its own fields are final.
 */
final class DfaState {
  /** The position is the start of the text. */
  static final int AT_START = 1;
  /** The byte before the position is a word byte. */
  static final int AFTER_WORD = 1 << 1;
  /** The byte before the position is a newline. */
  static final int AFTER_NEWLINE = 1 << 2;

  /** Reached a match: the search can stop. */
  static final DfaState MATCH = new DfaState(new int[0], 0, 0);
  /** The end of the text was reached without a match. */
  static final DfaState NO_MATCH = new DfaState(new int[0], 0, 0);

  final int[] instructions;
  final int context;
  /** Successor per byte class; the last entry is for the end of the text. */
  final DfaState[] next;

  DfaState(int[] instructions, int context, int transitions) {
    this.instructions = instructions;
    this.context = context;
    this.next = new DfaState[transitions];
  }

  /** A rough count of the heap bytes this state and its cache entry retain. */
  long footprint() {
    return 96L + 4L * instructions.length + 4L * next.length;
  }
}
