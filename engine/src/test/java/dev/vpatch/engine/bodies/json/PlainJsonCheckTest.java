package dev.vpatch.engine.bodies.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.engine.ByteStrings;
import dev.vpatch.engine.bodies.BodyContext;
import dev.vpatch.engine.bodies.RandomJson;
import dev.vpatch.engine.bodies.RecordingSink;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The quick check never calls a body valid that the processor's Jackson walk would report an
 * error for, under the same limits; and it does call ordinary JSON valid.
 */
class PlainJsonCheckTest {
  private static boolean processorReportsNoError(String body, int depthLimit, int argumentsLimit) {
    byte[] bytes = ByteStrings.bytes(body);
    RecordingSink sink = new RecordingSink();
    new JsonProcessor().process(bytes, bytes.length, new BodyContext(null, '&', argumentsLimit, depthLimit), sink);
    return sink.errors.isEmpty();
  }

  private static boolean check(String body, int depthLimit, int argumentsLimit) {
    byte[] bytes = ByteStrings.bytes(body + "]}x");
    boolean valid = PlainJsonCheck.certainlyValid(bytes, body.length(), depthLimit, argumentsLimit);
    if (valid) {
      assertThat(processorReportsNoError(body, depthLimit, argumentsLimit))
          .as("called valid but the processor reports an error: %s", body)
          .isTrue();
    }
    return valid;
  }

  @Test
  void ordinaryJsonIsValid() {
    for (String body :
        List.of("{}", "[]", " {\"a\" : [1, -2.5e+3, 0, -0, 0.25E-2, true, false, null, \"x\\n\\u00e9\\\"\"]}\r\n",
            "\"s\"", "12", "{\"\":{\"\":[]}}", "[[[]]]", "{\"a\":{\"b\":\"\\/\\\\\\b\\f\\r\\t\"}}")) {
      assertThat(check(body, 512, 1000)).as(body).isTrue();
    }
  }

  @Test
  void malformedOrUnusualJsonIsLeftToJackson() {
    for (String body :
        List.of("", " ", "{", "[1,]", "[,1]", "{\"a\":1,}", "{\"a\" 1}", "{'a':1}", "{a:1}", "01", "1.", ".5", "-", "1e",
            "+1", "NaN", "tru", "truex", "[1 2]", "[1]x", "[1] [2]", "1 2", "\"a", "\"\\x\"", "\"\\u12\"", "\"\\ud800\"",
            "\"a\u0001\"", "\"\u00c3\u00a9\"", "\u00ef\u00bb\u00bf{}", "/*c*/{}", "[\"a\"\"b\"]", "{\"a\":1}}", "\"\u007f\"",
            "\"a\\", "\"\u0000\"", "\"\u00ff\"", "[nul]", "[fals]", "[t]", "[\"a\":1]", "{\"a\":1:2}", "-0.e1", "1e+")) {
      assertThat(check(body, 512, 1000)).as(body).isFalse();
    }
  }

  @Test
  void limitsAreLeftToJackson() {
    assertThat(check("[[1]]", 2, 1000)).isTrue();
    assertThat(check("[[1]]", 1, 1000)).isFalse();
    assertThat(check("[1,2,3]", 512, 3)).isTrue();
    assertThat(check("[1,2,3]", 512, 2)).isFalse();
    assertThat(check("{\"a\":{}}", 512, 0)).isTrue();
    assertThat(check("1", 0, 1)).isTrue();
    assertThat(check("[]", 0, 1)).isFalse();
  }

  @Test
  void seededRandomDocumentsAndMutationsNeverFoolIt() {
    Random random = new Random(4242);
    String noise = "{}[]:,\"\\ -+.eE0123456789uabfnrtlsx/\t\n\u0001\u007f\u00c3";
    int called = 0;
    for (int round = 0; round < 20000; round++) {
      StringBuilder doc = new StringBuilder(RandomJson.document(random, 5));
      int mutations = random.nextInt(3);
      for (int m = 0; m < mutations && doc.length() > 0; m++) {
        int at = random.nextInt(doc.length());
        switch (random.nextInt(3)) {
          case 0 -> doc.deleteCharAt(at);
          case 1 -> doc.insert(at, noise.charAt(random.nextInt(noise.length())));
          default -> doc.setCharAt(at, noise.charAt(random.nextInt(noise.length())));
        }
      }
      if (check(doc.toString(), 1 + random.nextInt(6), random.nextInt(15))) called++;
    }
    assertThat(called).isGreaterThan(2000);
  }
}
