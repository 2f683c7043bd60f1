package dev.vpatch.engine.actions;

/** {@code noauditlog}. */
public final class NoAuditLogAction implements Action {
  private final String value;

  public NoAuditLogAction(String value) {
    this.value = value;
  }

  @Override
  public ActionType type() {
    return ActionType.NON_DISRUPTIVE;
  }

  @Override
  public void configure(RuleSettings rule) {
    rule.auditLog(false);
  }
}
