package dev.vpatch.engine.operators;

/**
 * {@code @eq}: matches when the input, as an integer, equals the argument. Both sides are read with
 * {@code std::stoi} as in ModSecurity v3: non-numeric text and values outside the int range count
 * as 0.
 */
public final class EqOperator implements Operator {
  private final ExpandableArgument argument;

  public EqOperator(OperatorArgument argument) {
    this.argument = new ExpandableArgument(argument);
  }

  @Override
  public boolean matches(MatchContext context, String input) {
    return CIntegers.stoi(input) == CIntegers.stoi(argument.value(context));
  }
}
