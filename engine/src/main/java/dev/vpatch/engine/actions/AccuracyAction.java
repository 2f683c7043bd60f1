package dev.vpatch.engine.actions;

/** {@code accuracy:N}. */
public final class AccuracyAction implements Action {
  private final String value;

  public AccuracyAction(String value) {
    this.value = value;
  }

  @Override
  public ActionType type() {
    return ActionType.METADATA;
  }

  @Override
  public void configure(RuleSettings rule) {
    rule.accuracy((int) Numbers.parseLong(value, "accuracy", rule));
  }
}
