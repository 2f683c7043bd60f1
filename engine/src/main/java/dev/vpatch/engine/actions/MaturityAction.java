package dev.vpatch.engine.actions;

/** {@code maturity:N}. */
public final class MaturityAction implements Action {
  private final String value;

  public MaturityAction(String value) {
    this.value = value;
  }

  @Override
  public ActionType type() {
    return ActionType.METADATA;
  }

  @Override
  public void configure(RuleSettings rule) {
    rule.maturity((int) Numbers.parseLong(value, "maturity", rule));
  }
}
