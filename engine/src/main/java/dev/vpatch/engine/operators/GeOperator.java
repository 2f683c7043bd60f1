package dev.vpatch.engine.operators;

/**
 * {@code @ge}: matches when the input, as an integer, is greater than or equal to the argument.
 * Both sides are read with C {@code atoll}: non-numeric text counts as 0.
 */
public final class GeOperator implements Operator {
  private final ExpandableArgument argument;

  public GeOperator(OperatorArgument argument) {
    this.argument = new ExpandableArgument(argument);
  }

  @Override
  public boolean matches(MatchContext context, String input) {
    return CIntegers.atoll(input) >= CIntegers.atoll(argument.value(context));
  }
}
