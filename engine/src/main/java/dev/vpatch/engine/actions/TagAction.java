package dev.vpatch.engine.actions;

/** {@code tag:'...'}. */
public final class TagAction implements Action {
  private final String value;

  public TagAction(String value) {
    this.value = value;
  }

  @Override
  public ActionType type() {
    return ActionType.METADATA;
  }

  @Override
  public void configure(RuleSettings rule) {
    rule.tag(value == null ? "" : value);
  }
}
