package dev.vpatch.store.model;

/**
 * How to tell from the origin's response that a PoC still works: expected status, a regular
 * expression the body matches, and for blind cases a minimum response time. Null parts are not checked.
 */
public record ResponseSignature(Integer status, String bodyPattern, Long minMillis) {
  public boolean isEmpty() {
    return status == null && (bodyPattern == null || bodyPattern.isEmpty()) && minMillis == null;
  }
}
