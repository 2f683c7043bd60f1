package dev.vpatch.store.model;

import java.time.Instant;

/**
 * One rule match reported by the proxy's alert stream. {@code action} is {@link #BLOCKED} or
 * {@link #WOULD_HAVE_BLOCKED} (a log-only patch). Patch and vulnerability are linked by rule id.
 */
public record Alert(
    long id,
    Instant at,
    String transactionId,
    String client,
    String method,
    String uri,
    long ruleId,
    Long patchId,
    String vulnId,
    String msg,
    String variable,
    String data,
    String action) {
  public static final String BLOCKED = "blocked";
  public static final String WOULD_HAVE_BLOCKED = "would have blocked";
}
