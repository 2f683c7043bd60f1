package dev.vpatch.engine.operators.regex.dfa;

import java.util.Arrays;

/**
 * The states of one fill of a {@link LazyDfa}'s cache and their transitions, flat: a row of
 * {@code stride} ints per state (one per byte class, then the end of the text), each the row of
 * the target state, {@link #MATCH}, {@link #NO_MATCH} or {@link #UNKNOWN}. A search steps with one
 * array load per byte instead of following a state object to its successor array.
 *
 * <p>Rows and states are added under the DFA's lock. Readers load entries without it: an int is
 * read whole, so a reader sees either {@link #UNKNOWN} (and takes the lock) or a row that was
 * reserved in every array the entry can be read from. A grown array is published through the
 * volatile {@link #entries}; a reader still holding the old one only misses later entries.
 */
final class StateTable {
  static final int UNKNOWN = 0;
  static final int MATCH = -1;
  static final int NO_MATCH = -2;

  final int stride;
  volatile int[] entries;
  /** By state number (row / stride); number 0 is never used, so that 0 can mean unknown. */
  private DfaState[] states;
  private int count = 1;

  StateTable(int stride) {
    this.stride = stride;
    this.entries = new int[16 * stride];
    this.states = new DfaState[16];
  }

  /** A new state with its own row, all transitions unknown. Under the DFA's lock. */
  DfaState add(int[] instructions, int context) {
    if (count == states.length) {
      states = Arrays.copyOf(states, count * 2);
      entries = Arrays.copyOf(entries, count * 2 * stride);
    }
    DfaState state = new DfaState(instructions, context, this, count * stride);
    states[count++] = state;
    return state;
  }

  /** The state an entry leads to (not {@link #UNKNOWN}). Under the DFA's lock. */
  DfaState target(int entry) {
    if (entry == MATCH) return DfaState.MATCH;
    if (entry == NO_MATCH) return DfaState.NO_MATCH;
    return states[entry / stride];
  }

  /** The entry that leads to {@code target}, a state of this table or a sentinel. */
  static int entryOf(DfaState target) {
    if (target == DfaState.MATCH) return MATCH;
    if (target == DfaState.NO_MATCH) return NO_MATCH;
    return target.row;
  }
}
