package dev.vpatch.engine;

/**
 * A disruptive verdict the connector must enforce.
 *
 * @param ruleId the rule that decided (0 when the engine itself decided, e.g. a body limit)
 * @param action {@code deny}, {@code drop} or {@code redirect}
 * @param status the HTTP status to answer with (for redirect: 302 unless the rule set one)
 * @param redirectUrl the Location for redirect, else null
 * @param phase the phase (1–5) in which it happened
 */
public record Interruption(long ruleId, String action, int status, String redirectUrl, int phase) {}
