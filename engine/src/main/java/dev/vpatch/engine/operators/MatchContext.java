package dev.vpatch.engine.operators;

import dev.vpatch.engine.macros.Macro;

/** What an operator may use from the running transaction while it evaluates one value. */
public interface MatchContext {
  /** Expands an operator argument that contains macros ({@code %{tx.foo}}) for this transaction. */
  String expand(Macro macro);

  /** Whether the rule has the {@code capture} action: then operators record TX:0..9. */
  boolean captureEnabled();

  /** Records capture group {@code index} (0 = whole match) as TX:index. Only when capture is on. */
  void capture(int index, String value);

  /**
   * {@link OperatorGroup#membersMatching} of {@code input}; a transaction keeps the answer for the
   * value so that the group's other members reuse the pass.
   */
  default long groupMembers(OperatorGroup group, String input) {
    return group.membersMatching(input);
  }
}
