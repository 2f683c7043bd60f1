package dev.vpatch.engine.actions;

/** {@code skipAfter:MARKER}: skips to just after the SecMarker (or rule) named. */
public final class SkipAfterAction implements Action {
  private final String value;

  public SkipAfterAction(String value) {
    this.value = value;
  }

  @Override
  public ActionType type() {
    return ActionType.FLOW;
  }

  @Override
  public void configure(RuleSettings rule) {
    if (value == null || value.isEmpty()) throw rule.invalid("skipAfter needs a marker name"); rule.skipAfter(value);
  }
}
