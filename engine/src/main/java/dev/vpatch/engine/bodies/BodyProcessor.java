package dev.vpatch.engine.bodies;

/**
 * Parses a buffered request body into the variables rules inspect (ARGS_POST, FILES, XML,
 * MULTIPART_* flags, REQBODY_ERROR...). Stateless and shared; one call per transaction. The body
 * bytes are never modified. Processors never throw on malformed input: they report it through
 * {@link BodySink#error(String)} exactly as ModSecurity sets REQBODY_ERROR / REQBODY_ERROR_MSG.
 */
public interface BodyProcessor {
  /** The name used by {@code ctl:requestBodyProcessor=NAME} (URLENCODED, MULTIPART, JSON, XML). */
  String name();

  void process(byte[] body, int length, BodyContext context, BodySink sink);
}
