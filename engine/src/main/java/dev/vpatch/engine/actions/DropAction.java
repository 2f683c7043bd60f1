package dev.vpatch.engine.actions;

/** {@code drop}: closes the connection. */
public final class DropAction implements Action {
  private final String value;

  public DropAction(String value) {
    this.value = value;
  }

  @Override
  public ActionType type() {
    return ActionType.DISRUPTIVE;
  }

  @Override
  public void configure(RuleSettings rule) {
    rule.disruptive(Disruptive.DROP);
  }
}
