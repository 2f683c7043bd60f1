package dev.vpatch.engine.actions;

import dev.vpatch.engine.macros.Macro;

/** {@code setenv:NAME=value}: sets ENV:NAME for this transaction. */
public final class SetEnvAction implements Action {
  private final String name;
  private final Macro value;

  public SetEnvAction(String spec) {
    if (spec == null || spec.isBlank()) throw new IllegalArgumentException("setenv needs NAME=value");
    int eq = spec.indexOf('=');
    name = (eq < 0 ? spec : spec.substring(0, eq)).strip();
    value = Macro.compile(eq < 0 ? "1" : spec.substring(eq + 1));
  }

  @Override
  public ActionType type() {
    return ActionType.NON_DISRUPTIVE;
  }

  @Override
  public boolean executesAtRunTime() {
    return true;
  }

  @Override
  public void execute(ActionContext context) {
    context.setEnvironment(name, context.expand(value));
  }
}
