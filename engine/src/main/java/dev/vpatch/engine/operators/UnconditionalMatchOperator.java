package dev.vpatch.engine.operators;

/** {@code @unconditionalMatch}: always matches. */
public final class UnconditionalMatchOperator implements Operator {
  public UnconditionalMatchOperator(OperatorArgument argument) {}

  @Override
  public boolean matches(MatchContext context, String input) {
    return true;
  }
}
