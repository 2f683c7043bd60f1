package dev.vpatch.engine.actions;
import dev.vpatch.engine.macros.Macro;
/** {@code logdata:'...'}: data logged with the message (macros expanded). */
public final class LogDataAction implements Action {
  private final String value;

  public LogDataAction(String value) {
    this.value = value;
  }

  @Override
  public ActionType type() {
    return ActionType.NON_DISRUPTIVE;
  }

  @Override
  public void configure(RuleSettings rule) {
    rule.logData(Macro.compile(value == null ? "" : value));
  }
}
