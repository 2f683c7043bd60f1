package dev.vpatch.engine.actions;

/** {@code capture}: operators record TX:0..9. */
public final class CaptureAction implements Action {
  private final String value;

  public CaptureAction(String value) {
    this.value = value;
  }

  @Override
  public ActionType type() {
    return ActionType.NON_DISRUPTIVE;
  }

  @Override
  public void configure(RuleSettings rule) {
    rule.capture();
  }
}
