package dev.vpatch.engine.bodies;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.vpatch.engine.ByteStrings;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** No processor throws, whatever the bytes: seeded mutations of valid bodies and random noise. */
class MalformedBodiesTest {
  private static final String MULTIPART_TYPE = "multipart/form-data; boundary=B";
  private static final String[][] SEEDS = {
    {"URLENCODED", "application/x-www-form-urlencoded", "a=1&b=%41+%zz&&=c"},
    {"MULTIPART", MULTIPART_TYPE,
      "--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n--B\r\n"
          + "Content-Disposition: form-data; name=\"f\"; filename=\"x\"\r\n Content-Type: a/b\r\n\r\n1\r\n2\r\n--B--\r\n"},
    {"JSON", "application/json", "{\"a\":[1,{\"b\":null,\"\":true}],\"c\":\"\\u00e9\"}"},
    {"XML", "text/xml", "<?xml version=\"1.0\"?><r a=\"1\"><b>t</b><![CDATA[x]]></r>"},
  };
  private static final byte[] INTERESTING = {'\r', '\n', '-', '"', '\'', ';', ':', '=', '&', '%', '{', '}', '[', ']', '<', '>', 0, (byte) 0xff, ' ', '\t', '\\'};

  @Test
  void mutatedBodiesNeverThrow() {
    Random random = new Random(20261125);
    for (String[] seed : SEEDS) {
      BodyProcessor processor = BodyProcessors.lookup(seed[0]);
      byte[] original = ByteStrings.bytes(seed[2]);
      for (int round = 0; round < 3000; round++) {
        byte[] body = mutate(original, random);
        int length = random.nextInt(body.length + 1);
        BodyContext context = new BodyContext(ByteStrings.fromText(seed[1]), '&', 1 + random.nextInt(20), 1 + random.nextInt(5));
        assertThatCode(() -> processor.process(body, length, context, new RecordingSink()))
            .as("%s round %d: %s", seed[0], round, ByteStrings.of(body, 0, length))
            .doesNotThrowAnyException();
      }
    }
  }

  @Test
  void oddContentTypesNeverThrow() {
    Random random = new Random(7);
    byte[] body = ByteStrings.bytes(SEEDS[1][2]);
    for (int round = 0; round < 2000; round++) {
      String contentType = ByteStrings.of(mutate(ByteStrings.bytes(MULTIPART_TYPE), random));
      assertThatCode(
              () -> BodyProcessors.lookup("MULTIPART").process(body, body.length, BodyContext.defaults(contentType), new RecordingSink()))
          .as(contentType)
          .doesNotThrowAnyException();
    }
  }

  private static byte[] mutate(byte[] original, Random random) {
    byte[] body = original.clone();
    int edits = 1 + random.nextInt(4);
    for (int i = 0; i < edits && body.length > 0; i++) {
      int at = random.nextInt(body.length);
      switch (random.nextInt(3)) {
        case 0 -> body[at] = INTERESTING[random.nextInt(INTERESTING.length)];
        case 1 -> body[at] = (byte) random.nextInt(256);
        default -> {
          byte[] shorter = new byte[body.length - 1];
          System.arraycopy(body, 0, shorter, 0, at);
          System.arraycopy(body, at + 1, shorter, at, body.length - at - 1);
          body = shorter;
        }
      }
    }
    return body;
  }
}
