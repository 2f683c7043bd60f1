package dev.vpatch.engine.actions;
import dev.vpatch.engine.macros.Macro;
/** {@code redirect:URL}. */
public final class RedirectAction implements Action {
  private final String value;

  public RedirectAction(String value) {
    this.value = value;
  }

  @Override
  public ActionType type() {
    return ActionType.DISRUPTIVE;
  }

  @Override
  public void configure(RuleSettings rule) {
    if (value == null || value.isEmpty()) throw rule.invalid("redirect needs a URL"); rule.redirectUrl(Macro.compile(value)); rule.disruptive(Disruptive.REDIRECT);
  }
}
