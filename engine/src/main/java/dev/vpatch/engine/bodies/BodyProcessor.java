package dev.vpatch.engine.bodies;

/**
 * Parses a buffered request body into the variables rules inspect (ARGS_POST, FILES, XML,
 * MULTIPART_* flags, REQBODY_ERROR...). Stateless and shared; one call per transaction. The body
 * bytes are never modified. Processors never throw on malformed input: they report it through
 * {@link BodySink#error(String)} exactly as ModSecurity sets REQBODY_ERROR / REQBODY_ERROR_MSG.
 *
 * <p>Building the arguments (a string per name and value) is most of a body's cost, and many rule
 * sets (a virtual patch scoped to one URL) never read them. So a processor may split its work:
 * {@link #processAllButArguments} reports everything else at once, and {@link #addArguments}
 * reports the arguments only when a rule first reads them. Together they report exactly what
 * {@link #process} reports. A processor that reports nothing but arguments and URLENCODED_ERROR
 * may even leave all of {@link #process} until one of them is read ({@link #deferrable}).
 */
public interface BodyProcessor {
  /** The name used by {@code ctl:requestBodyProcessor=NAME} (URLENCODED, MULTIPART, JSON, XML). */
  String name();

  void process(byte[] body, int length, BodyContext context, BodySink sink);

  /**
   * Whether all {@link #process} reports is arguments and the URLENCODED_ERROR scalar (never an
   * error, no other variable): then a transaction may call it only when a rule first reads one
   * of those, and a rule set that reads none (a patch scoped to another URL) never parses the
   * body.
   */
  default boolean deferrable() {
    return false;
  }

  /**
   * Reports what {@link #process} reports except the {@link BodySink#argument} and {@link
   * BodySink#argumentNotInPost} calls; returns whether those are left for {@link #addArguments}.
   * The default does all the work now and leaves nothing.
   */
  default boolean processAllButArguments(byte[] body, int length, BodyContext context, BodySink sink) {
    process(body, length, context, sink);
    return false;
  }

  /**
   * Reports, in order, the argument calls {@link #process} would make and nothing else. Called at
   * most once, after {@link #processAllButArguments} returned true, with the same body and context.
   */
  default void addArguments(byte[] body, int length, BodyContext context, BodySink sink) {
    throw new UnsupportedOperationException(name() + " reports its arguments in process");
  }
}
