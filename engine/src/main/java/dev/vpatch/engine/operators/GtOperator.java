package dev.vpatch.engine.operators;

/**
 * {@code @gt}: matches when the input, as an integer, is greater than the argument. Both sides are
 * read with C {@code atoll}: non-numeric text counts as 0.
 */
public final class GtOperator implements Operator {
  private final ExpandableArgument argument;

  public GtOperator(OperatorArgument argument) {
    this.argument = new ExpandableArgument(argument);
  }

  @Override
  public boolean matches(MatchContext context, String input) {
    return CIntegers.atoll(input) > CIntegers.atoll(argument.value(context));
  }
}
