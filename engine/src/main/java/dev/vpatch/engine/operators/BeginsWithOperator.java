package dev.vpatch.engine.operators;

/** {@code @beginsWith}: matches when the input starts with the argument. */
public final class BeginsWithOperator implements Operator {
  private final ExpandableArgument argument;

  public BeginsWithOperator(OperatorArgument argument) {
    this.argument = new ExpandableArgument(argument);
  }

  @Override
  public boolean matches(MatchContext context, String input) {
    String expected = argument.value(context);
    return input.startsWith(expected);
  }
}
