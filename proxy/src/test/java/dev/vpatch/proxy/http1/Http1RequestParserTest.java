package dev.vpatch.proxy.http1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Several requests through one parser, as on a keep-alive connection: names and values remembered
 * from the previous request at the same field position must never stand in for different bytes.
 */
class Http1RequestParserTest {
  private final Http1RequestParser parser = new Http1RequestParser(8192, 65536, 100, 1 << 20);

  private HttpRequest parse(String head) throws FramingException {
    return parse(Unpooled.copiedBuffer(head, StandardCharsets.ISO_8859_1));
  }

  private HttpRequest parseDirect(String head) throws FramingException {
    ByteBuf in = Unpooled.directBuffer(head.length());
    in.writeCharSequence(head, StandardCharsets.ISO_8859_1);
    return parse(in);
  }

  private HttpRequest parse(ByteBuf in) throws FramingException {
    List<HttpObject> out = new ArrayList<>();
    try {
      parser.parse(in, out);
    } finally {
      in.release();
    }
    assertThat(parser.complete()).isTrue();
    parser.reset();
    out.forEach(ReferenceCountUtil::release);
    return (HttpRequest) out.get(0);
  }

  private static List<Map.Entry<String, String>> fields(HttpRequest request) {
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    request.headers().forEach(field -> fields.add(Map.entry(field.getKey(), field.getValue())));
    return fields;
  }

  @Test
  void identicalFieldsOnTheNextRequestParseTheSame() throws Exception {
    String head = "GET /a HTTP/1.1\r\nHost: h\r\nUser-Agent: agent/1.0\r\nAccept: */*\r\n\r\n";
    HttpRequest first = parse(head);
    HttpRequest second = parse(head);
    assertThat(fields(second)).isEqualTo(fields(first))
        .containsExactly(Map.entry("Host", "h"), Map.entry("User-Agent", "agent/1.0"), Map.entry("Accept", "*/*"));
  }

  @ParameterizedTest
  @CsvSource({
    "session=aaaa, session=aaab",
    "caf\u00e9, caf\u00e8",
    "abc, abcd",
    "abcd, abc",
  })
  void valueDifferentFromThePreviousOneAtTheSamePositionIsReadAfresh(String previous, String next) throws Exception {
    parse("GET / HTTP/1.1\r\nHost: h\r\nX-Value: " + previous + "\r\n\r\n");
    assertThat(parse("GET / HTTP/1.1\r\nHost: h\r\nX-Value: " + next + "\r\n\r\n").headers().get("X-Value"))
        .isEqualTo(next);
    assertThat(parse("GET / HTTP/1.1\r\nHost: h\r\nX-Value: " + next + "\r\n\r\n").headers().get("X-Value"))
        .isEqualTo(next);
  }

  @Test
  void nameDifferingOnlyInCaseKeepsTheNewSpelling() throws Exception {
    parse("GET / HTTP/1.1\r\nHost: h\r\nX-Token: 1\r\n\r\n");
    HttpRequest next = parse("GET / HTTP/1.1\r\nHost: h\r\nx-token: 1\r\n\r\n");
    assertThat(fields(next)).containsExactly(Map.entry("Host", "h"), Map.entry("x-token", "1"));
  }

  @Test
  void reorderedAndResizedFieldsAreReadAfresh() throws Exception {
    parse("GET / HTTP/1.1\r\nHost: h\r\nA: 1\r\nB: 22\r\n\r\n");
    HttpRequest next = parse("GET / HTTP/1.1\r\nB: 2\r\nHost: h\r\nA: 11\r\n\r\n");
    assertThat(fields(next)).containsExactly(Map.entry("B", "2"), Map.entry("Host", "h"), Map.entry("A", "11"));
  }

  @Test
  void controlByteAtAPositionThatHeldAValidValueIsStillRejected() throws Exception {
    parse("GET / HTTP/1.1\r\nHost: h\r\nX-V: abc\r\n\r\n");
    assertThatThrownBy(() -> parse("GET / HTTP/1.1\r\nHost: h\r\nX-V: a\u0000c\r\n\r\n"))
        .isInstanceOf(FramingException.class).hasMessageContaining("control character");
  }

  @Test
  void invalidNameAtAPositionThatHeldAValidNameIsStillRejected() throws Exception {
    parse("GET / HTTP/1.1\r\nHost: h\r\nX-V: abc\r\n\r\n");
    assertThatThrownBy(() -> parse("GET / HTTP/1.1\r\nHost: h\r\nX V: abc\r\n\r\n"))
        .isInstanceOf(FramingException.class).hasMessageContaining("invalid header name");
  }

  @Test
  void fieldsInADirectBufferAreComparedByteByByte() throws Exception {
    parseDirect("GET / HTTP/1.1\r\nHost: h\r\nX-V: abc\r\n\r\n");
    assertThat(fields(parseDirect("GET / HTTP/1.1\r\nHost: h\r\nX-V: abc\r\n\r\n")))
        .containsExactly(Map.entry("Host", "h"), Map.entry("X-V", "abc"));
    assertThat(fields(parseDirect("GET / HTTP/1.1\r\nHost: h\r\nX-V: abd\r\n\r\n")))
        .containsExactly(Map.entry("Host", "h"), Map.entry("X-V", "abd"));
    assertThatThrownBy(() -> parseDirect("GET / HTTP/1.1\r\nHost: h\r\nX-V: a\u0001d\r\n\r\n"))
        .isInstanceOf(FramingException.class).hasMessageContaining("control character");
  }

  @Test
  void framingFieldsAreCountedAfreshForEveryRequest() throws Exception {
    parse("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\n\r\n");
    HttpRequest next = parse("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
    assertThat(next.headers().contains("Content-Length")).isFalse();
    assertThatThrownBy(() -> parse("GET / HTTP/1.1\r\nX: y\r\n\r\n"))
        .isInstanceOf(FramingException.class).hasMessageContaining("without Host");
  }
}
