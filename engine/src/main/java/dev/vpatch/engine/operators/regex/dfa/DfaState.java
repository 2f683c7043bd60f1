package dev.vpatch.engine.operators.regex.dfa;

/**
 * One DFA state: the NFA instructions waiting at a position (before following the zero-width
 * steps, which depend on the next byte) and what the assertions need to know about the byte
 * before it. Immutable; its transitions are the row {@link #row} of its {@link StateTable}.
 */
final class DfaState {
  /** The position is the start of the text. */
  static final int AT_START = 1;
  /** The byte before the position is a word byte. */
  static final int AFTER_WORD = 1 << 1;
  /** The byte before the position is a newline. */
  static final int AFTER_NEWLINE = 1 << 2;

  /** Reached a match: the search can stop. */
  static final DfaState MATCH = new DfaState(new int[0], 0, null, -1);
  /** The end of the text was reached without a match. */
  static final DfaState NO_MATCH = new DfaState(new int[0], 0, null, -1);

  final int[] instructions;
  final int context;
  /** The table holding this state's transitions (null for the two sentinels). */
  final StateTable table;
  /** Offset of this state's row in {@link StateTable#entries}. */
  final int row;

  DfaState(int[] instructions, int context, StateTable table, int row) {
    this.instructions = instructions;
    this.context = context;
    this.table = table;
    this.row = row;
  }

  /** A rough count of the heap bytes a state, its row of transitions and its cache entry retain. */
  static long footprint(int instructions, int stride) {
    return 104L + 4L * instructions + 4L * stride;
  }
}
