package dev.vpatch.engine.actions;

/** {@code phase:N|request|response|logging}. */
public final class PhaseAction implements Action {
  private final String value;

  public PhaseAction(String value) {
    this.value = value;
  }

  @Override
  public ActionType type() {
    return ActionType.METADATA;
  }

  @Override
  public void configure(RuleSettings rule) {
    rule.phase(Numbers.parsePhase(value, rule));
  }
}
