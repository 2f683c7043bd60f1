package dev.vpatch.engine.operators;

/** {@code @endsWith}: matches when the input ends with the argument. */
public final class EndsWithOperator implements Operator {
  private final ExpandableArgument argument;

  public EndsWithOperator(OperatorArgument argument) {
    this.argument = new ExpandableArgument(argument);
  }

  @Override
  public boolean matches(MatchContext context, String input) {
    String expected = argument.value(context);
    return input.endsWith(expected);
  }
}
