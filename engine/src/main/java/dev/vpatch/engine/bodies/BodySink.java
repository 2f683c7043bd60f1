package dev.vpatch.engine.bodies;

/**
 * Receives what a body processor extracts. All strings are byte strings. Variable names are the
 * upper-case SecLang names (e.g. {@code FILES}, {@code MULTIPART_STRICT_ERROR}).
 */
public interface BodySink {
  /** A body argument: ARGS_POST:name (and ARGS). */
  void argument(String name, String value);

  /**
   * A body argument that libmodsecurity 3 adds to ARGS but not to ARGS_POST: the JSON
   * processor's. Sinks that do not make the distinction treat it as {@link #argument}.
   */
  default void argumentNotInPost(String name, String value) {
    argument(name, value);
  }

  /** A member of a collection, e.g. FILES:field = filename, MULTIPART_PART_HEADERS:field = header. */
  void collection(String variable, String key, String value);

  /** A scalar variable, e.g. MULTIPART_BOUNDARY_QUOTED = "1", FILES_COMBINED_SIZE = "123". */
  void scalar(String variable, String value);

  /** The body is malformed: sets REQBODY_ERROR=1, REQBODY_PROCESSOR_ERROR=1 and the message. */
  void error(String message);

  /** The parsed XML document, for {@code XML:/xpath}. */
  default void xml(org.w3c.dom.Document document) {}
}
