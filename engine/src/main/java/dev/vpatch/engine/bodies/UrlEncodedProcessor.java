package dev.vpatch.engine.bodies;

/**
 * URLENCODED: the body as {@code name=value} pairs into ARGS_POST. Like ModSecurity, arguments
 * beyond the limit are dropped silently (ModSecurity sets no REQBODY_ERROR for this processor),
 * and an invalid {@code %} escape sets URLENCODED_ERROR.
 */
public final class UrlEncodedProcessor implements BodyProcessor {
  @Override
  public String name() {
    return "URLENCODED";
  }

  @Override
  public boolean deferrable() {
    return true;
  }

  @Override
  public void process(byte[] body, int length, BodyContext context, BodySink sink) {
    reportEncoding(addArgumentsUpToTheLimit(body, length, context, sink), sink);
  }

  @Override
  public boolean processAllButArguments(byte[] body, int length, BodyContext context, BodySink sink) {
    UrlEncodedParser.Result result =
        UrlEncodedParser.scan(body, length, context.argumentSeparator(), context.argumentsLimit());
    reportEncoding(result, sink);
    return result.accepted() > 0;
  }

  @Override
  public void addArguments(byte[] body, int length, BodyContext context, BodySink sink) {
    addArgumentsUpToTheLimit(body, length, context, sink);
  }

  private static UrlEncodedParser.Result addArgumentsUpToTheLimit(
      byte[] body, int length, BodyContext context, BodySink sink) {
    int limit = context.argumentsLimit();
    int[] added = {0};
    return UrlEncodedParser.parse(
        body,
        length,
        context.argumentSeparator(),
        (name, value) -> {
          if (added[0] >= limit) {
            return false;
          }
          added[0]++;
          sink.argument(name, value);
          return true;
        });
  }

  private static void reportEncoding(UrlEncodedParser.Result result, BodySink sink) {
    if (result.invalidEncoding()) {
      sink.scalar("URLENCODED_ERROR", "1");
    }
  }
}
