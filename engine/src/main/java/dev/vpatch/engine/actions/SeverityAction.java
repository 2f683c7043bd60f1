package dev.vpatch.engine.actions;

/** {@code severity:N|NAME}. */
public final class SeverityAction implements Action {
  private final String value;

  public SeverityAction(String value) {
    this.value = value;
  }

  @Override
  public ActionType type() {
    return ActionType.METADATA;
  }

  @Override
  public void configure(RuleSettings rule) {
    rule.severity(Numbers.parseSeverity(value, rule));
  }
}
