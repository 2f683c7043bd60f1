package dev.vpatch.engine.actions;

/** {@code id:N}: the rule's unique id. */
public final class IdAction implements Action {
  private final String value;

  public IdAction(String value) {
    this.value = value;
  }

  @Override
  public ActionType type() {
    return ActionType.METADATA;
  }

  @Override
  public void configure(RuleSettings rule) {
    rule.id(Numbers.parseLong(value, "id", rule));
  }
}
