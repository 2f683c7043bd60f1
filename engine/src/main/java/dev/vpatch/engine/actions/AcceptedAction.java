package dev.vpatch.engine.actions;

/**
 * Actions that load and are valid but have no effect here: persistence bookkeeping
 * ({@code initcol}, {@code expirevar}: collections live for one transaction), audit masking
 * ({@code sanitiseArg} and friends), and metadata only the audit log uses ({@code xmlns}).
 */
public final class AcceptedAction implements Action {
  private final ActionType type;

  public AcceptedAction(ActionType type) {
    this.type = type;
  }

  @Override
  public ActionType type() {
    return type;
  }
}
