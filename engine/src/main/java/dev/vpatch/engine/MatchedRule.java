package dev.vpatch.engine;

import java.util.List;

/**
 * One rule that matched in a transaction, as recorded for the audit log, alerts and tests.
 *
 * @param ruleId rule id (of the chain starter when a chain matched)
 * @param phase phase the rule ran in
 * @param message the expanded {@code msg}, or empty
 * @param data the expanded {@code logdata}, or empty
 * @param severity numeric severity 0–7, or -1 when not set
 * @param tags the rule's tags
 * @param variable the matched variable with its key, e.g. {@code ARGS:reqID}
 * @param value the matched value (after transformations; byte string)
 * @param file rule file
 * @param line rule line
 * @param disruptive whether this rule's action was disruptive (it decided the verdict)
 * @param log whether the rule logs (nolog rules are recorded but not reported)
 */
public record MatchedRule(
    long ruleId,
    int phase,
    String message,
    String data,
    int severity,
    List<String> tags,
    String variable,
    String value,
    String file,
    int line,
    String revision,
    String version,
    int accuracy,
    int maturity,
    boolean disruptive,
    boolean log) {}
