package dev.vpatch.engine.actions;

/** ModSecurity's action categories. */
public enum ActionType {
  METADATA,
  DATA,
  FLOW,
  DISRUPTIVE,
  NON_DISRUPTIVE
}
