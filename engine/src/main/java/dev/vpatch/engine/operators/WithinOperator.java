package dev.vpatch.engine.operators;

/**
 * {@code @within}: matches when the input occurs inside the argument (e.g. a method in
 * {@code %{tx.allowed_methods}}). As in ModSecurity v3, an empty input always matches and the input
 * is only compared up to its first NUL byte (it is passed on as a C string).
 */
public final class WithinOperator implements Operator {
  private final ExpandableArgument argument;

  public WithinOperator(OperatorArgument argument) {
    this.argument = new ExpandableArgument(argument);
  }

  @Override
  public boolean matches(MatchContext context, String input) {
    if (input.isEmpty()) return true;
    int nul = input.indexOf('\0');
    String needle = nul < 0 ? input : input.substring(0, nul);
    return argument.value(context).contains(needle);
  }
}
