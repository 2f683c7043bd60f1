package dev.vpatch.engine.actions;

/** {@code allow}, {@code allow:phase}, {@code allow:request}: stops rule processing. */
public final class AllowAction implements Action {
  private final Disruptive scope;

  public AllowAction(String value) {
    if (value == null || value.isEmpty()) scope = Disruptive.ALLOW;
    else if (value.equalsIgnoreCase("phase")) scope = Disruptive.ALLOW_PHASE;
    else if (value.equalsIgnoreCase("request")) scope = Disruptive.ALLOW_REQUEST;
    else throw new IllegalArgumentException("allow takes no value, 'phase' or 'request', not '" + value + "'");
  }

  @Override
  public ActionType type() {
    return ActionType.DISRUPTIVE;
  }

  @Override
  public void configure(RuleSettings rule) {
    rule.disruptive(scope);
  }
}
