package dev.vpatch.ftw.http;

/** The outcome of reading one request from a byte buffer. */
public sealed interface ParseResult {
  /** A whole request; {@code consumed} bytes of the buffer belong to it. */
  record Complete(ParsedRequest request, int consumed) implements ParseResult {}

  /** The bytes break HTTP/1.1 framing or syntax; a server answers {@code status} and closes. */
  record Rejected(int status, String reason) implements ParseResult {}

  /**
   * More bytes are needed. {@code head} is the request head when it is complete (only the body is
   * missing), else null; {@code totalBytesNeeded} is the buffer length that would complete it when
   * known, else -1.
   */
  record Incomplete(ParsedRequest head, String reason, long totalBytesNeeded) implements ParseResult {}
}
