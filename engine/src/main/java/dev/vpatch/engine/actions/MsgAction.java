package dev.vpatch.engine.actions;
import dev.vpatch.engine.macros.Macro;
/** {@code msg:'...'}: the message logged when the rule matches (macros expanded). */
public final class MsgAction implements Action {
  private final String value;

  public MsgAction(String value) {
    this.value = value;
  }

  @Override
  public ActionType type() {
    return ActionType.METADATA;
  }

  @Override
  public void configure(RuleSettings rule) {
    rule.message(Macro.compile(value == null ? "" : value));
  }
}
