package dev.vpatch.engine.bodies;

import dev.vpatch.engine.ByteStrings;

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
  public void process(byte[] body, int length, BodyContext context, BodySink sink) {
    String text = ByteStrings.of(body, 0, length);
    int limit = context.argumentsLimit();
    int[] added = {0};
    UrlEncodedParser.Result result =
        UrlEncodedParser.parse(
            text,
            context.argumentSeparator(),
            (name, value) -> {
              if (added[0] >= limit) {
                return false;
              }
              added[0]++;
              sink.argument(name, value);
              return true;
            });
    if (result.invalidEncoding()) {
      sink.scalar("URLENCODED_ERROR", "1");
    }
  }
}
