package dev.vpatch.engine.operators;

/** {@code @noMatch}: never matches. */
public final class NoMatchOperator implements Operator {
  public NoMatchOperator(OperatorArgument argument) {}

  @Override
  public boolean matches(MatchContext context, String input) {
    return false;
  }
}
