package dev.vpatch.engine.operators;

/**
 * {@code @strmatch}: matches when the argument occurs in the input; ModSecurity v3 runs it as a
 * plain substring search.
 */
public final class StrMatchOperator implements Operator {
  private final ExpandableArgument argument;

  public StrMatchOperator(OperatorArgument argument) {
    this.argument = new ExpandableArgument(argument);
  }

  @Override
  public boolean matches(MatchContext context, String input) {
    String expected = argument.value(context);
    return input.contains(expected);
  }
}
