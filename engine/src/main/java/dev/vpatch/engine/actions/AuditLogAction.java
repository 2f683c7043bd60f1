package dev.vpatch.engine.actions;

/** {@code auditlog}. */
public final class AuditLogAction implements Action {
  private final String value;

  public AuditLogAction(String value) {
    this.value = value;
  }

  @Override
  public ActionType type() {
    return ActionType.NON_DISRUPTIVE;
  }

  @Override
  public void configure(RuleSettings rule) {
    rule.auditLog(true);
  }
}
