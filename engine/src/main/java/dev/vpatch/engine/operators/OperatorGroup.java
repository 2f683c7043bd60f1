package dev.vpatch.engine.operators;

/**
 * Operators that share one pass over a value: the pass tells which members can match it, so a
 * member whose bit is clear answers "no match" without its own search. A transaction keeps the
 * answer per value instance ({@link MatchContext#groupMembers}), so the pass runs once however
 * many members ask.
 */
public interface OperatorGroup {
  /** How many operators one group can hold: a member is a bit of a {@code long}. */
  int MAX_MEMBERS = Long.SIZE;

  /**
   * One bit per member ({@code 1L << i}) that may match {@code input}; a clear bit is a certain
   * "no match", a set bit leaves the answer to the member's own search.
   */
  long membersMatching(String input);
}
