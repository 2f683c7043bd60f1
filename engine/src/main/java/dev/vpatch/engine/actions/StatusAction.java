package dev.vpatch.engine.actions;

/** {@code status:N}: the status deny and redirect answer with. */
public final class StatusAction implements Action {
  private final String value;

  public StatusAction(String value) {
    this.value = value;
  }

  @Override
  public ActionType type() {
    return ActionType.DATA;
  }

  @Override
  public void configure(RuleSettings rule) {
    int status = (int) Numbers.parseLong(value, "status", rule); if (status < 100 || status > 999) throw rule.invalid("status must be 100-999"); rule.status(status);
  }
}
