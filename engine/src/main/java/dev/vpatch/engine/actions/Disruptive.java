package dev.vpatch.engine.actions;

/** What a rule does to the transaction when it (or its whole chain) matches. */
public enum Disruptive {
  PASS,
  DENY,
  DROP,
  /** Whatever the phase's SecDefaultAction says. */
  BLOCK,
  REDIRECT,
  /** Stops all further rule processing (request and response phases). */
  ALLOW,
  /** Stops processing of the current phase only. */
  ALLOW_PHASE,
  /** Stops processing of the request phases (1 and 2). */
  ALLOW_REQUEST;

  /** Whether the action stops the exchange (deny, drop, redirect) when the engine enforces it. */
  public boolean blocks() {
    return this == DENY || this == DROP || this == REDIRECT;
  }
}
