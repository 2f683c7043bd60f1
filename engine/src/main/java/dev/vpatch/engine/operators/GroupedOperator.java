package dev.vpatch.engine.operators;

/**
 * An operator that belongs to an {@link OperatorGroup}: it asks the transaction which members of
 * its group the value can match (one pass per value for the whole group, kept by the transaction)
 * and runs its own evaluation only when it is one of them. It answers exactly as the operator it
 * wraps.
 */
public class GroupedOperator implements Operator {
  private final Operator operator;
  private final OperatorGroup group;
  private final long member;

  /** @param operator member {@code index} of {@code group} */
  public GroupedOperator(Operator operator, OperatorGroup group, int index) {
    if (index < 0 || index >= OperatorGroup.MAX_MEMBERS) throw new IllegalArgumentException("member index " + index);
    this.operator = operator;
    this.group = group;
    this.member = 1L << index;
  }

  @Override
  public final boolean matches(MatchContext context, String input) {
    if ((context.groupMembers(group, input) & member) == 0) return false;
    return operator.matches(context, input);
  }

  /** The operator this one stands for. */
  public final Operator operator() {
    return operator;
  }

  /** The group whose pass answers for this operator first. */
  public final OperatorGroup group() {
    return group;
  }
}
