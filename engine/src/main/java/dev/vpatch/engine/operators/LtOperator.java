package dev.vpatch.engine.operators;

/**
 * {@code @lt}: matches when the input, as an integer, is less than the argument. Both sides are
 * read with C {@code atoll}: non-numeric text counts as 0.
 */
public final class LtOperator implements Operator {
  private final ExpandableArgument argument;

  public LtOperator(OperatorArgument argument) {
    this.argument = new ExpandableArgument(argument);
  }

  @Override
  public boolean matches(MatchContext context, String input) {
    return CIntegers.atoll(input) < CIntegers.atoll(argument.value(context));
  }
}
