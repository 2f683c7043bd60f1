package dev.vpatch.engine.actions;

/** {@code chain}: the next rule must also match. */
public final class ChainAction implements Action {
  private final String value;

  public ChainAction(String value) {
    this.value = value;
  }

  @Override
  public ActionType type() {
    return ActionType.FLOW;
  }

  @Override
  public void configure(RuleSettings rule) {
    rule.chain();
  }
}
