package dev.vpatch.engine;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * One HTTP exchange inspected by a {@link RuleSet}; the engine's public API, modelled on
 * libmodsecurity and Coraza. Call the steps in order; each {@code process*} step runs the rules
 * of its phase and returns the {@link Interruption} the connector must enforce, or null. Once
 * interrupted, later steps run no more rules (phase 5 logging still runs). All strings are byte
 * strings (see {@link dev.vpatch.engine}). Not thread-safe: one transaction per exchange.
 */
public interface Transaction extends AutoCloseable {
  /** Unique id (used in audit logs, alerts and the deny page). */
  String id();

  void processConnection(String clientAddress, int clientPort, String serverAddress, int serverPort);

  /** @param uri the request target as received (raw, not decoded), e.g. {@code /a?b=c} */
  void processUri(String uri, String method, String protocol);

  void addRequestHeader(String name, String value);

  /** Phase 1. */
  Interruption processRequestHeaders();

  /** Whether the connector should buffer and pass the request body (SecRequestBodyAccess, ctl). */
  boolean requestBodyAccess();

  /** The configured request body limit in bytes (SecRequestBodyLimit). */
  long requestBodyLimit();

  /**
   * Appends request body bytes. Returns an interruption when the body exceeds
   * SecRequestBodyLimit and SecRequestBodyLimitAction is Reject (413); with ProcessPartial, the
   * extra bytes are ignored for inspection.
   */
  Interruption appendRequestBody(byte[] data, int offset, int length);

  /**
   * Appends the buffer's remaining bytes, as {@link #appendRequestBody(byte[], int, int)} does,
   * without moving its position. A connector holding the body in direct (off-heap) buffers hands
   * them over here, so that the bytes are copied once, into the transaction.
   */
  default Interruption appendRequestBody(ByteBuffer data) {
    if (data.hasArray()) {
      return appendRequestBody(data.array(), data.arrayOffset() + data.position(), data.remaining());
    }
    byte[] copy = new byte[data.remaining()];
    data.get(data.position(), copy);
    return appendRequestBody(copy, 0, copy.length);
  }

  /** Phase 2: runs the body processor, then the phase 2 rules. */
  Interruption processRequestBody();

  void addResponseHeader(String name, String value);

  /**
   * Whether the response's header fields can matter to this transaction: a rule runs in phase 3,
   * 4 or 5, the audit log may record them, or the response body may be buffered (its Content-Type
   * decides). When false, a connector may skip {@link #addResponseHeader} (the status still goes
   * to {@link #processResponseHeaders}).
   */
  boolean responseHeadersWanted();

  /** Phase 3. */
  Interruption processResponseHeaders(int status, String protocol);

  /**
   * Whether the response body should be buffered for inspection: access on, MIME type listed, and
   * something to read it (a rule of phase 4 or 5, the audit log's part E, or the limit's Reject).
   */
  boolean responseBodyAccess();

  long responseBodyLimit();

  Interruption appendResponseBody(byte[] data, int offset, int length);

  /** Phase 4. */
  Interruption processResponseBody();

  /** Phase 5 and the audit log. */
  void processLogging();

  /** The interruption decided so far, or null. */
  Interruption interruption();

  /** Every rule that matched so far, in order. */
  List<MatchedRule> matchedRules();

  /**
   * {@link #matchedRules()} without the rules that neither log nor block ({@code nolog} and no
   * deny, drop or redirect: CRS's initialisation and paranoia-level gates, some ninety per
   * transaction): everything alerts, metrics and the audit log report, cheaper to take.
   */
  List<MatchedRule> reportedRules();

  /** Whether the transaction runs in detection-only mode (verdicts are recorded, not enforced). */
  boolean detectionOnly();

  /** Whether the rule engine is off for this transaction. */
  boolean engineOff();

  @Override
  void close();
}
