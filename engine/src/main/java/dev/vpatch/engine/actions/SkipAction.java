package dev.vpatch.engine.actions;

/** {@code skip:N}: skips the next N rules (chains count once) when the rule matches. */
public final class SkipAction implements Action {
  private final String value;

  public SkipAction(String value) {
    this.value = value;
  }

  @Override
  public ActionType type() {
    return ActionType.FLOW;
  }

  @Override
  public void configure(RuleSettings rule) {
    rule.skip((int) Numbers.parseLong(value, "skip", rule));
  }
}
