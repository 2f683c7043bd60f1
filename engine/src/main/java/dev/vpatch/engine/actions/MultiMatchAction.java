package dev.vpatch.engine.actions;

/** {@code multiMatch}: the operator runs after every transformation that changed the value. */
public final class MultiMatchAction implements Action {
  private final String value;

  public MultiMatchAction(String value) {
    this.value = value;
  }

  @Override
  public ActionType type() {
    return ActionType.NON_DISRUPTIVE;
  }

  @Override
  public void configure(RuleSettings rule) {
    rule.multiMatch();
  }
}
