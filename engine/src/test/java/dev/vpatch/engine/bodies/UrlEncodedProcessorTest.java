package dev.vpatch.engine.bodies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.engine.ByteStrings;
import org.junit.jupiter.api.Test;

class UrlEncodedProcessorTest {
  private static RecordingSink run(String body, BodyContext context) {
    RecordingSink sink = new RecordingSink();
    byte[] bytes = ByteStrings.bytes(body);
    BodyProcessors.lookup("urlencoded").process(bytes, bytes.length, context, sink);
    return sink;
  }

  private static RecordingSink run(String body) {
    return run(body, BodyContext.defaults("application/x-www-form-urlencoded"));
  }

  @Test
  void addsBodyArguments() {
    RecordingSink sink = run("comment=%3Cscript%3E&x=a+b");
    assertThat(sink.arguments).containsExactly("comment=<script>", "x=a b");
    assertThat(sink.errors).isEmpty();
    assertThat(sink.scalars).isEmpty();
  }

  @Test
  void onlyTheGivenLengthIsRead() {
    RecordingSink sink = new RecordingSink();
    byte[] bytes = ByteStrings.bytes("a=1&b=2");
    new UrlEncodedProcessor()
        .process(bytes, 3, BodyContext.defaults("application/x-www-form-urlencoded"), sink);
    assertThat(sink.arguments).containsExactly("a=1");
  }

  @Test
  void argumentsBeyondTheLimitAreDroppedWithoutAnError() {
    RecordingSink sink = run("a=1&b=2&c=3&d=4", new BodyContext(null, '&', 2, 512));
    assertThat(sink.arguments).containsExactly("a=1", "b=2");
    assertThat(sink.errors).isEmpty();
  }

  @Test
  void invalidEscapesSetUrlencodedError() {
    assertThat(run("a=%zz").scalars).containsEntry("URLENCODED_ERROR", "1");
  }

  @Test
  void keepsNulAndHighBytes() {
    assertThat(run("a=%00\u00ff%FF").arguments).containsExactly("a=\0\u00ff\u00ff");
  }

  @Test
  void emptyBodyHasNoArguments() {
    RecordingSink sink = run("");
    assertThat(sink.arguments).isEmpty();
    assertThat(sink.errors).isEmpty();
  }

  @Test
  void hugeCountsStopAtTheLimit() {
    String body = "a=1&".repeat(100_000);
    RecordingSink sink = run(body, new BodyContext(null, '&', 1000, 512));
    assertThat(sink.arguments).hasSize(1000);
  }

  @Test
  void registryKnowsAllFourProcessors() {
    assertThat(BodyProcessors.lookup("URLENCODED")).isInstanceOf(UrlEncodedProcessor.class);
    assertThat(BodyProcessors.lookup("multipart").name()).isEqualTo("MULTIPART");
    assertThat(BodyProcessors.lookup("Json").name()).isEqualTo("JSON");
    assertThat(BodyProcessors.lookup("xml").name()).isEqualTo("XML");
    assertThat(BodyProcessors.lookup("yaml")).isNull();
  }
}
