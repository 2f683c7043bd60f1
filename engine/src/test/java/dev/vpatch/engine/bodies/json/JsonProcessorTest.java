package dev.vpatch.engine.bodies.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.engine.ByteStrings;
import dev.vpatch.engine.bodies.BodyContext;
import dev.vpatch.engine.bodies.RecordingSink;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Names and values were checked against libmodsecurity 3.0.9 (the oracle). */
class JsonProcessorTest {
  private static RecordingSink run(String body, int argumentsLimit, int depthLimit) {
    RecordingSink sink = new RecordingSink();
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    new JsonProcessor()
        .process(bytes, bytes.length, new BodyContext("application/json", '&', argumentsLimit, depthLimit), sink);
    return sink;
  }

  private static RecordingSink run(String body) {
    return run(body, 1000, 512);
  }

  @Test
  void namesNestedObjectsAndArraysLikeModSecurity() {
    RecordingSink sink =
        run("{\"a\":\"b\",\"n\":{\"x\":1.50,\"y\":[1,[2,3],{\"z\":null}],\"t\":true},\"\":\"e\",\"arr\":[],\"o\":{}}");
    assertThat(sink.errors).isEmpty();
    assertThat(sink.arguments)
        .containsExactly(
            "json.a=b",
            "json.n.x=1.50",
            "json.n.y.array_0=1",
            "json.n.y.array_1.array_0=2",
            "json.n.y.array_1.array_1=3",
            "json.n.y.array_2.z=",
            "json.n.t=true",
            "json.empty-key=e");
  }

  @Test
  void topLevelArraysAndScalars() {
    assertThat(run("[1,{\"a\":2},[3]]").arguments)
        .containsExactly("json.array_0=1", "json.array_1.a=2", "json.array_2.array_0=3");
    assertThat(run("\"abc\"").arguments).containsExactly("json=abc");
    assertThat(run("12e3").arguments).containsExactly("json=12e3");
    assertThat(run("false").arguments).containsExactly("json=false");
    RecordingSink empty = run("[]");
    assertThat(empty.arguments).isEmpty();
    assertThat(empty.errors).isEmpty();
    assertThat(run("{\"a\":{},\"b\":[[]]}").arguments).isEmpty();
  }

  @Test
  void argumentsGoToArgsButNotArgsPostAsInModSecurity3() {
    RecordingSink sink = run("{\"a\":1}");
    assertThat(sink.notInPost).containsExactly("json.a=1");
  }

  @Test
  void duplicateKeysAreAllKept() {
    assertThat(run("{\"a\":1,\"a\":2}").arguments).containsExactly("json.a=1", "json.a=2");
  }

  @Test
  void stringsAreUtf8ByteStringsWithEscapesDecoded() {
    RecordingSink sink = run("{\"k\\u0041\":\"v\\u00e9\\n\\u0000x\",\"\u00e9\":\"\u4e2d\"}");
    assertThat(sink.arguments)
        .containsExactly("json.kA=v\u00c3\u00a9\n\0x", "json.\u00c3\u00a9=\u00e4\u00b8\u00ad");
  }

  @Test
  void emptyBodyIsNoErrorButBlankIsPrematureEnd() {
    assertThat(run("").errors).isEmpty();
    assertThat(run("  ").errors).hasSize(1);
  }

  @Test
  void malformedJsonKeepsArgumentsSeenBeforeTheError() {
    RecordingSink truncated = run("{\"a\":1,\"b\": ");
    assertThat(truncated.arguments).containsExactly("json.a=1");
    assertThat(truncated.errors).hasSize(1);
    assertThat(truncated.errors.get(0)).startsWith("JSON parsing error: ");
    RecordingSink trailing = run("{\"a\":1} {\"b\":2}");
    assertThat(trailing.arguments).containsExactly("json.a=1");
    assertThat(trailing.errors).containsExactly("JSON parsing error: parse error: trailing garbage");
    assertThat(run("{\"a\":1} x").errors).hasSize(1);
    assertThat(run("{'a':1}").errors).hasSize(1);
    assertThat(run("[1,]").errors).hasSize(1);
    assertThat(run("{\"a\":01}").errors).hasSize(1);
    assertThat(run("{\"a\":NaN}").errors).hasSize(1);
  }

  @Test
  void invalidUtf8IsAnError() {
    RecordingSink sink = new RecordingSink();
    byte[] bytes = {'"', (byte) 0xff, (byte) 0xfe, '"'};
    new JsonProcessor().process(bytes, bytes.length, BodyContext.defaults("application/json"), sink);
    assertThat(sink.errors).hasSize(1);
  }

  @Test
  void depthBeyondTheLimitIsAnError() {
    assertThat(run("{\"a\":{\"b\":{\"c\":1}}}", 1000, 3).errors).isEmpty();
    RecordingSink deep = run("{\"a\":{\"b\":{\"c\":{\"d\":1}}},\"z\":1}", 1000, 3);
    assertThat(deep.arguments).isEmpty();
    assertThat(deep.errors).containsExactly("JSON parsing error: Parsing depth limit exceeded");
    assertThat(run("[[[[1]]]]", 1000, 3).errors).hasSize(1);
    String veryDeep = "[".repeat(100_000) + "]".repeat(100_000);
    assertThat(run(veryDeep, 1000, 512).errors).containsExactly("JSON parsing error: Parsing depth limit exceeded");
  }

  @Test
  void argumentsBeyondTheLimitStopParsingWithAnError() {
    RecordingSink sink = run("[1,2,3,4,5,6,7,8]", 5, 512);
    assertThat(sink.arguments).hasSize(5).endsWith("json.array_4=5");
    assertThat(sink.errors).hasSize(1);
  }

  @Test
  void hugeArraysAndLongNumbersAreFine() {
    StringBuilder body = new StringBuilder("[");
    for (int i = 0; i < 20_000; i++) {
      body.append(i).append(',');
    }
    body.append("0]");
    assertThat(run(body.toString(), 100_000, 512).arguments).hasSize(20_001).endsWith("json.array_20000=0");
    String longNumber = "1".repeat(5000);
    assertThat(run("{\"n\":" + longNumber + "}").arguments).containsExactly("json.n=" + longNumber);
  }

  @Test
  void onlyTheGivenLengthIsRead() {
    RecordingSink sink = new RecordingSink();
    byte[] bytes = ByteStrings.bytes("{\"a\":1}garbage");
    new JsonProcessor().process(bytes, 7, BodyContext.defaults("application/json"), sink);
    assertThat(sink.arguments).containsExactly("json.a=1");
    assertThat(sink.errors).isEmpty();
  }
}
