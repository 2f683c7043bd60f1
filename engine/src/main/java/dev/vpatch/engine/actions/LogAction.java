package dev.vpatch.engine.actions;

/** {@code log}. */
public final class LogAction implements Action {
  private final String value;

  public LogAction(String value) {
    this.value = value;
  }

  @Override
  public ActionType type() {
    return ActionType.NON_DISRUPTIVE;
  }

  @Override
  public void configure(RuleSettings rule) {
    rule.log(true);
  }
}
