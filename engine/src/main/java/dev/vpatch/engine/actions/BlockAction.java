package dev.vpatch.engine.actions;

/** {@code block}: the disruptive action of the phase's SecDefaultAction. */
public final class BlockAction implements Action {
  private final String value;

  public BlockAction(String value) {
    this.value = value;
  }

  @Override
  public ActionType type() {
    return ActionType.DISRUPTIVE;
  }

  @Override
  public void configure(RuleSettings rule) {
    rule.disruptive(Disruptive.BLOCK);
  }
}
