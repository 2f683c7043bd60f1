package dev.vpatch.ftw.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.ftw.model.HeaderField;
import dev.vpatch.ftw.model.StageInput;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RawRequestBuilderTest {
  @Test
  void writesRequestLineHeadersInOrderAndConnectionClose() {
    StageInput input = input("GET", "/get?a=1", "HTTP/1.1",
        List.of(new HeaderField("Host", "localhost"), new HeaderField("User-Agent", "ftw")), null, true);

    assertThat(build(input)).isEqualTo(
        "GET /get?a=1 HTTP/1.1\r\nHost: localhost\r\nUser-Agent: ftw\r\nConnection: close\r\n\r\n");
  }

  @Test
  void completesAFormBodyWithContentTypeEncodingAndLength() {
    StageInput input = input("POST", "/", "HTTP/1.1", List.of(new HeaderField("Host", "x")), "a=b c&d='", true);

    assertThat(build(input)).isEqualTo("POST / HTTP/1.1\r\nHost: x\r\n"
        + "Content-Type: application/x-www-form-urlencoded\r\nConnection: close\r\nContent-Length: 11\r\n\r\n"
        + "a=b+c&d=%27");
  }

  @Test
  void keepsGivenContentTypeConnectionAndLength() {
    StageInput input = input("POST", "/", "HTTP/1.1", List.of(
        new HeaderField("connection", "keep-alive"),
        new HeaderField("content-length", "99"),
        new HeaderField("content-type", "application/json")), "{\"a\": 1}", true);

    assertThat(build(input)).isEqualTo("POST / HTTP/1.1\r\nconnection: keep-alive\r\ncontent-length: 99\r\n"
        + "content-type: application/json\r\n\r\n{\"a\": 1}");
  }

  @Test
  void addsZeroLengthForBodyMethodsWithoutData() {
    assertThat(build(input("PUT", "/", "HTTP/1.1", List.of(), null, true)))
        .isEqualTo("PUT / HTTP/1.1\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    assertThat(build(input("GET", "/", "HTTP/1.1", List.of(), "", true)))
        .isEqualTo("GET / HTTP/1.1\r\nConnection: close\r\n\r\n");
  }

  @Test
  void sendsEverythingAsGivenWithoutAutocomplete() {
    StageInput input = input("     GET", "\\", "HTTP\\1.0", List.of(new HeaderField("Host", "")), "a b", false);

    assertThat(build(input)).isEqualTo("     GET \\ HTTP\\1.0\r\nHost: \r\n\r\na b");
  }

  @Test
  void turnsLfIntoCrlfInMultipartBodies() {
    StageInput input = input("POST", "/", "HTTP/1.1",
        List.of(new HeaderField("Content-Type", "multipart/form-data; boundary=x")), "--x\nA\r\n--x--\n", false);

    assertThat(build(input)).endsWith("\r\n\r\n--x\r\nA\r\r\n--x--\r\n");
  }

  @Test
  void sendsEncodedRequestVerbatim() {
    byte[] raw = {'G', 'E', 'T', ' ', '/', (byte) 0xFF, 0, '\n'};
    StageInput input = new StageInput("localhost", 80, "http", "POST", "/x", "HTTP/1.1",
        List.of(new HeaderField("A", "b")), "ignored", null, raw, true, false, false);

    assertThat(RawRequestBuilder.build(input)).isEqualTo(raw);
  }

  @Test
  void sendsEncodedDataAsBody() {
    StageInput input = new StageInput("localhost", 80, "http", "POST", "/", "HTTP/1.1",
        List.of(new HeaderField("Content-Type", "application/octet-stream")), null, new byte[] {0, (byte) 0xAC}, null,
        true, false, false);

    assertThat(RawRequestBuilder.build(input)).endsWith(new byte[] {'\r', '\n', '\r', '\n', 0, (byte) 0xAC});
    assertThat(build(input)).contains("Content-Length: 2\r\n");
  }

  @Test
  void encodesNonAsciiTextAsUtf8() {
    StageInput input = input("GET", "/é", "HTTP/1.1", List.of(new HeaderField("X", "ü")), null, false);

    assertThat(RawRequestBuilder.build(input)).isEqualTo("GET /é HTTP/1.1\r\nX: ü\r\n\r\n".getBytes(StandardCharsets.UTF_8));
  }

  static StageInput input(String method, String uri, String version, List<HeaderField> headers, String data, boolean autocomplete) {
    return new StageInput("localhost", 80, "http", method, uri, version, headers, data, null, null, autocomplete, false, false);
  }

  private static String build(StageInput input) {
    return new String(RawRequestBuilder.build(input), StandardCharsets.ISO_8859_1);
  }
}
