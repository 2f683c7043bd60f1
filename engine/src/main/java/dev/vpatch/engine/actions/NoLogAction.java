package dev.vpatch.engine.actions;

/** {@code nolog}: matches are not reported (and not audit logged). */
public final class NoLogAction implements Action {
  private final String value;

  public NoLogAction(String value) {
    this.value = value;
  }

  @Override
  public ActionType type() {
    return ActionType.NON_DISRUPTIVE;
  }

  @Override
  public void configure(RuleSettings rule) {
    rule.log(false); rule.auditLog(false);
  }
}
