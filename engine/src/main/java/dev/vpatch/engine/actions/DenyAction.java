package dev.vpatch.engine.actions;

/** {@code deny}: stops the transaction with the rule's status (403 by default). */
public final class DenyAction implements Action {
  private final String value;

  public DenyAction(String value) {
    this.value = value;
  }

  @Override
  public ActionType type() {
    return ActionType.DISRUPTIVE;
  }

  @Override
  public void configure(RuleSettings rule) {
    rule.disruptive(Disruptive.DENY);
  }
}
