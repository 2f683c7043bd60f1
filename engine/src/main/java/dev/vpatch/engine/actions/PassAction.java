package dev.vpatch.engine.actions;

/** {@code pass}: goes on with the next rule. */
public final class PassAction implements Action {
  private final String value;

  public PassAction(String value) {
    this.value = value;
  }

  @Override
  public ActionType type() {
    return ActionType.DISRUPTIVE;
  }

  @Override
  public void configure(RuleSettings rule) {
    rule.disruptive(Disruptive.PASS);
  }
}
