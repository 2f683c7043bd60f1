package dev.vpatch.engine.operators;

/**
 * {@code @containsWord}: matches when the argument occurs in the input with no ASCII letter right
 * before or after it. Like ModSecurity v3, only letters count as word characters (digits and
 * {@code _} are boundaries), and an empty argument always matches.
 */
public final class ContainsWordOperator implements Operator {
  private final ExpandableArgument argument;

  public ContainsWordOperator(OperatorArgument argument) {
    this.argument = new ExpandableArgument(argument);
  }

  @Override
  public boolean matches(MatchContext context, String input) {
    String word = argument.value(context);
    if (word.isEmpty()) return true;
    int at = input.indexOf(word);
    while (at >= 0) {
      int after = at + word.length();
      boolean startBounded = at == 0 || !isLetter(input.charAt(at - 1));
      boolean endBounded = after == input.length() || !isLetter(input.charAt(after));
      if (startBounded && endBounded) return true;
      at = input.indexOf(word, at + 1);
    }
    return false;
  }

  private static boolean isLetter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }
}
