package dev.vpatch.engine.operators;

/**
 * {@code @le}: matches when the input, as an integer, is less than or equal to the argument. Both
 * sides are read with C {@code atoll}: non-numeric text counts as 0.
 */
public final class LeOperator implements Operator {
  private final ExpandableArgument argument;

  public LeOperator(OperatorArgument argument) {
    this.argument = new ExpandableArgument(argument);
  }

  @Override
  public boolean matches(MatchContext context, String input) {
    return CIntegers.atoll(input) <= CIntegers.atoll(argument.value(context));
  }
}
