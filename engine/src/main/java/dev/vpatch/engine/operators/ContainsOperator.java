package dev.vpatch.engine.operators;

/** {@code @contains}: matches when the argument occurs anywhere in the input (case-sensitive). */
public final class ContainsOperator implements Operator {
  private final ExpandableArgument argument;

  public ContainsOperator(OperatorArgument argument) {
    this.argument = new ExpandableArgument(argument);
  }

  @Override
  public boolean matches(MatchContext context, String input) {
    String expected = argument.value(context);
    return input.contains(expected);
  }
}
