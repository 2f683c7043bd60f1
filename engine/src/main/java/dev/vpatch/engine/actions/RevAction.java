package dev.vpatch.engine.actions;

/** {@code rev:N}. */
public final class RevAction implements Action {
  private final String value;

  public RevAction(String value) {
    this.value = value;
  }

  @Override
  public ActionType type() {
    return ActionType.METADATA;
  }

  @Override
  public void configure(RuleSettings rule) {
    rule.revision(value == null ? "" : value);
  }
}
