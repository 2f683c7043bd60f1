package dev.vpatch.engine.operators;

/** {@code @streq}: matches when the input equals the argument exactly (case-sensitive). */
public final class StrEqOperator implements Operator {
  private final ExpandableArgument argument;

  public StrEqOperator(OperatorArgument argument) {
    this.argument = new ExpandableArgument(argument);
  }

  @Override
  public boolean matches(MatchContext context, String input) {
    String expected = argument.value(context);
    return input.equals(expected);
  }
}
