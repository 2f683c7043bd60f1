package dev.vpatch.engine.bodies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.engine.ByteStrings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A processor that defers its arguments reports, in its two steps together, exactly what one call
 * of {@code process} reports: the same arguments in the same order, the same errors and scalars,
 * and none of the arguments in the first step.
 */
class DeferredArgumentsTest {
  private static final BodyProcessor URLENCODED = BodyProcessors.lookup("URLENCODED");
  private static final BodyProcessor JSON = BodyProcessors.lookup("JSON");

  private static void assertStepsReportWhatProcessReports(BodyProcessor processor, byte[] body, int length, BodyContext context) {
    RecordingSink whole = new RecordingSink();
    processor.process(body, length, context, whole);

    RecordingSink firstStep = new RecordingSink();
    boolean deferred = processor.processAllButArguments(body, length, context, firstStep);
    String shown = ByteStrings.of(body, 0, length);
    assertThat(firstStep.arguments).as("first step of %s", shown).isEmpty();
    assertThat(firstStep.errors).as("errors of %s", shown).isEqualTo(whole.errors);
    assertThat(firstStep.scalars).as("scalars of %s", shown).isEqualTo(whole.scalars);
    assertThat(firstStep.collections).isEqualTo(whole.collections);
    RecordingSink secondStep = new RecordingSink();
    if (deferred) {
      processor.addArguments(body, length, context, secondStep);
    }
    assertThat(secondStep.arguments).as("arguments of %s", shown).isEqualTo(whole.arguments);
    assertThat(secondStep.notInPost).isEqualTo(whole.notInPost);
    assertThat(secondStep.errors).isEmpty();
    assertThat(secondStep.scalars).isEmpty();
  }

  private static void check(BodyProcessor processor, String body, BodyContext context) {
    byte[] bytes = ByteStrings.bytes(body + "}]&%zz");
    assertStepsReportWhatProcessReports(processor, bytes, body.length(), context);
  }

  @Test
  void urlEncodedEdgeCases() {
    BodyContext context = BodyContext.defaults("application/x-www-form-urlencoded");
    for (String body :
        List.of("", "&", "=", "a", "a=1&b=%zz", "%4", "a=%41%4", "&&&", "a=1&b=2&c=%g1", "x=+%2B+&y=%")) {
      check(URLENCODED, body, context);
    }
  }

  @Test
  void urlEncodedLimitStopsBothStepsAtTheSameArgument() {
    // The refused argument's escapes still count, the ones after it do not (as in one pass).
    for (int limit = 0; limit < 5; limit++) {
      BodyContext context = new BodyContext(null, '&', limit, 512);
      check(URLENCODED, "a=1&b=%zz&c=3&d=%4&e=5", context);
      check(URLENCODED, "a=1&b=2&c=3&d=%4&e=5", context);
    }
  }

  @Test
  void jsonEdgeCases() {
    BodyContext context = BodyContext.defaults("application/json");
    for (String body :
        List.of("", " ", "1", "\"abc\"", "{}", "[]", "{\"a\":1} 5", "{\"a\":1} 5 6", "{\"a\":1}}", "{\"a\":[1,{\"b\":",
            "{\"\":{\"\":[[],[[1]],{}]}}", "{\"a\":\"\\u00e9\\n\\u0000\"}", "[1,2,3,", "{\"a\" 1}", "nul",
            "{\"a\":\"\u00ff\"}", "{\"a\":\"\u00c3\u00a9\"}", "[\"\u00e2\u0082\"]", "[true,false,null,-0.5e3]",
            // An ASCII body's strings are skipped, not decoded, when no argument is built.
            "[\"a\u0001\"]", "[\"a\tb\"]", "[\"\\x\"]", "[\"\\u12\"]", "[\"\\ud800\"]", "{\"a\":\"\\\"}",
            // UTF-8 for a surrogate: only decoding rejects it.
            "[\"\u00ed\u00a0\u0080\"]", "[1,\"\u00f4\u0090\u0080\u0080\"]", "[\"\u00c0\u00af\"]")) {
      check(JSON, body, context);
    }
  }

  @Test
  void jsonDepthAndArgumentLimitsStopBothStepsAtTheSameValue() {
    for (int limit = 0; limit < 6; limit++) {
      check(JSON, "{\"a\":[1,2,{\"b\":3,\"c\":[4,5]}],\"d\":6}", new BodyContext(null, '&', limit, 512));
      check(JSON, "[[[[[[1]]]]],2]", new BodyContext(null, '&', 1000, limit));
    }
  }

  @Test
  void seededRandomBodies() {
    Random random = new Random(2026);
    String jsonAlphabet = "{}[]:,\"\\ab01.-eu \t\u0001\u00c3\u00a9\u00ff";
    String formAlphabet = "&=%+ab0F9g;\u00ff";
    for (int round = 0; round < 3000; round++) {
      BodyContext context = new BodyContext(null, '&', random.nextInt(12), 1 + random.nextInt(6));
      check(JSON, randomText(random, jsonAlphabet), context);
      check(JSON, RandomJson.document(random, 4), context);
      check(URLENCODED, randomText(random, formAlphabet), context);
    }
  }

  @Test
  void everyCrsUrlEncodedAndJsonBody() throws IOException {
    Path tests = CrsBodyVectors.testsFolder();
    Assumptions.assumeTrue(tests != null, "CRS regression tests not found");
    int checked = 0;
    for (CrsBodyVectors.Vector vector : CrsBodyVectors.load(tests, "", ct -> true)) {
      byte[] body = vector.bytes();
      assertStepsReportWhatProcessReports(URLENCODED, body, body.length, new BodyContext(null, '&', 5000, 512));
      assertStepsReportWhatProcessReports(JSON, body, body.length, new BodyContext(null, '&', 5000, 512));
      checked++;
    }
    assertThat(checked).isGreaterThan(1000);
  }

  private static String randomText(Random random, String alphabet) {
    StringBuilder out = new StringBuilder();
    int length = random.nextInt(40);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }
}
