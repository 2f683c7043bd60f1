package dev.vpatch.engine.actions;

/**
 * A SecLang action. Metadata, data, flow and disruptive actions configure the rule once at load
 * time ({@link #configure}); non-disruptive actions run in the transaction when the rule (or the
 * whole chain) matches ({@link #execute}). Instances are immutable and shared.
 */
public interface Action {
  ActionType type();

  /** Load time: record what the action says about the rule. */
  default void configure(RuleSettings rule) {}

  /** Whether {@link #execute} does something when the rule matches. */
  default boolean executesAtRunTime() {
    return false;
  }

  /** Run time: do what the action does, when the rule (or its whole chain) matched. */
  default void execute(ActionContext context) {}
}
