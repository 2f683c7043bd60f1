package dev.vpatch.engine.actions;

/** {@code ver:'...'}. */
public final class VerAction implements Action {
  private final String value;

  public VerAction(String value) {
    this.value = value;
  }

  @Override
  public ActionType type() {
    return ActionType.METADATA;
  }

  @Override
  public void configure(RuleSettings rule) {
    rule.version(value == null ? "" : value);
  }
}
