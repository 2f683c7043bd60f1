package dev.vpatch.engine.rules;

/** How a phase ended. */
public enum PhaseOutcome {
  COMPLETED,
  INTERRUPTED,
  /** allow:phase — the rest of this phase is skipped. */
  ALLOW_PHASE,
  /** allow:request — the rest of the request phases are skipped. */
  ALLOW_REQUEST,
  /** allow — every later phase except logging is skipped. */
  ALLOW
}
