package dev.vpatch.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.proxy.testing.ProxyFixture;
import dev.vpatch.proxy.testing.RawHttp;
import dev.vpatch.proxy.testing.TestUpstream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Request smuggling and ambiguous framing over a real socket: every ambiguous request is refused
 * before the engine and before the upstream sees a byte, and the connection is closed so nothing
 * after it can be misread.
 */
class FramingTest {
  private static final String H = "Host: h\r\n";
  private static ProxyFixture fixture;

  @BeforeAll
  static void start() throws InterruptedException {
    fixture = ProxyFixture.engineOff();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @BeforeEach
  void drainUpstream() throws InterruptedException {
    while (fixture.upstream.poll(0) != null) {
      // leftovers of an earlier test
    }
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of("CL then TE", "POST / HTTP/1.1\r\n" + H + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
        Arguments.of("TE then CL", "POST / HTTP/1.1\r\n" + H + "Transfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n0\r\n\r\n", 400),
        Arguments.of("two equal CL", "POST / HTTP/1.1\r\n" + H + "Content-Length: 3\r\nContent-Length: 3\r\n\r\nabc", 400),
        Arguments.of("two different CL", "POST / HTTP/1.1\r\n" + H + "Content-Length: 3\r\nContent-Length: 30\r\n\r\nabc", 400),
        Arguments.of("CL list", "POST / HTTP/1.1\r\n" + H + "Content-Length: 3, 3\r\n\r\nabc", 400),
        Arguments.of("CL with plus sign", "POST / HTTP/1.1\r\n" + H + "Content-Length: +3\r\n\r\nabc", 400),
        Arguments.of("negative CL", "POST / HTTP/1.1\r\n" + H + "Content-Length: -1\r\n\r\n", 400),
        Arguments.of("hex CL", "POST / HTTP/1.1\r\n" + H + "Content-Length: 0x3\r\n\r\nabc", 400),
        Arguments.of("CL with inner space", "POST / HTTP/1.1\r\n" + H + "Content-Length: 1 2\r\n\r\nabc", 400),
        Arguments.of("overflowing CL", "POST / HTTP/1.1\r\n" + H + "Content-Length: 99999999999999999999\r\n\r\n", 400),
        Arguments.of("empty CL", "POST / HTTP/1.1\r\n" + H + "Content-Length:\r\n\r\n", 400),
        Arguments.of("TE gzip, chunked", "POST / HTTP/1.1\r\n" + H + "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", 400),
        Arguments.of("TE chunked twice in one", "POST / HTTP/1.1\r\n" + H + "Transfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n", 400),
        Arguments.of("TE identity", "POST / HTTP/1.1\r\n" + H + "Transfer-Encoding: identity\r\n\r\n", 400),
        Arguments.of("TE xchunked", "POST / HTTP/1.1\r\n" + H + "Transfer-Encoding: xchunked\r\n\r\n0\r\n\r\n", 400),
        Arguments.of("two TE headers", "POST / HTTP/1.1\r\n" + H + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
        Arguments.of("TE in HTTP/1.0", "POST / HTTP/1.0\r\n" + H + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
        Arguments.of("space before colon", "POST / HTTP/1.1\r\n" + H + "Transfer-Encoding : chunked\r\n\r\n0\r\n\r\n", 400),
        Arguments.of("tab before colon", "POST / HTTP/1.1\r\n" + H + "Content-Length\t: 3\r\n\r\nabc", 400),
        Arguments.of("obs-fold", "GET / HTTP/1.1\r\n" + H + "X-A: one\r\n two\r\n\r\n", 400),
        Arguments.of("obs-fold hiding TE", "POST / HTTP/1.1\r\n" + H + "X-A: x\r\n\tTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
        Arguments.of("NUL in header value", "GET / HTTP/1.1\r\n" + H + "X-A: a\u0000b\r\n\r\n", 400),
        Arguments.of("NUL in target", "GET /a\u0000b HTTP/1.1\r\n" + H + "\r\n", 400),
        Arguments.of("DEL in header value", "GET / HTTP/1.1\r\n" + H + "X-A: a\u007fb\r\n\r\n", 400),
        Arguments.of("bare CR in header value", "GET / HTTP/1.1\r\n" + H + "X-A: a\rX-B: b\r\n\r\n", 400),
        Arguments.of("bare LF line ending", "GET / HTTP/1.1\n" + H + "\r\n", 400),
        Arguments.of("bare LF between headers", "GET / HTTP/1.1\r\n" + H + "X-A: a\nTransfer-Encoding: chunked\r\n\r\n", 400),
        Arguments.of("CR CR LF", "GET / HTTP/1.1\r\r\n" + H + "\r\n", 400),
        Arguments.of("invalid chunk size", "POST / HTTP/1.1\r\n" + H + "Transfer-Encoding: chunked\r\n\r\ng\r\nabc\r\n0\r\n\r\n", 400),
        Arguments.of("0x chunk size", "POST / HTTP/1.1\r\n" + H + "Transfer-Encoding: chunked\r\n\r\n0x3\r\nabc\r\n0\r\n\r\n", 400),
        Arguments.of("negative chunk size", "POST / HTTP/1.1\r\n" + H + "Transfer-Encoding: chunked\r\n\r\n-3\r\nabc\r\n0\r\n\r\n", 400),
        Arguments.of("overflowing chunk size", "POST / HTTP/1.1\r\n" + H + "Transfer-Encoding: chunked\r\n\r\nfffffffffffffffffff\r\nabc\r\n0\r\n\r\n", 400),
        Arguments.of("space after chunk size", "POST / HTTP/1.1\r\n" + H + "Transfer-Encoding: chunked\r\n\r\n3 \r\nabc\r\n0\r\n\r\n", 400),
        Arguments.of("empty chunk size", "POST / HTTP/1.1\r\n" + H + "Transfer-Encoding: chunked\r\n\r\n\r\nabc\r\n0\r\n\r\n", 400),
        Arguments.of("chunk longer than its size", "POST / HTTP/1.1\r\n" + H + "Transfer-Encoding: chunked\r\n\r\n3\r\nabcd\r\n0\r\n\r\n", 400),
        Arguments.of("chunk ended by LF", "POST / HTTP/1.1\r\n" + H + "Transfer-Encoding: chunked\r\n\r\n3\nabc\r\n0\r\n\r\n", 400),
        Arguments.of("chunk data ended by LF", "POST / HTTP/1.1\r\n" + H + "Transfer-Encoding: chunked\r\n\r\n3\r\nabc\n0\r\n\r\n", 400),
        Arguments.of("control byte in chunk extension", "POST / HTTP/1.1\r\n" + H + "Transfer-Encoding: chunked\r\n\r\n3;a=\u0001\r\nabc\r\n0\r\n\r\n", 400),
        Arguments.of("obs-fold in trailer", "POST / HTTP/1.1\r\n" + H + "Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\nX-T: a\r\n b\r\n\r\n", 400),
        Arguments.of("missing Host", "GET / HTTP/1.1\r\n\r\n", 400),
        Arguments.of("two Host headers", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
        Arguments.of("Host with space", "GET / HTTP/1.1\r\nHost: a b\r\n\r\n", 400),
        Arguments.of("Host with slash", "GET / HTTP/1.1\r\nHost: a/b\r\n\r\n", 400),
        Arguments.of("method with parenthesis", "G(ET / HTTP/1.1\r\n" + H + "\r\n", 400),
        Arguments.of("lowercase protocol", "GET / http/1.1\r\n" + H + "\r\n", 400),
        Arguments.of("HTTP/2.0 in HTTP/1 syntax", "GET / HTTP/2.0\r\n" + H + "\r\n", 505),
        Arguments.of("HTTP/1.2", "GET / HTTP/1.2\r\n" + H + "\r\n", 505),
        Arguments.of("HTTP/0.9 with a version field", "GET / HTTP/0.9\r\n" + H + "\r\n", 400),
        Arguments.of("HTTP/0.8", "GET / HTTP/0.8\r\n" + H + "\r\n", 400),
        Arguments.of("no version", "GET /\r\n" + H + "\r\n", 400),
        Arguments.of("two spaces after method", "GET  / HTTP/1.1\r\n" + H + "\r\n", 400),
        Arguments.of("tab as separator", "GET\t/ HTTP/1.1\r\n" + H + "\r\n", 400),
        Arguments.of("space in target", "GET /a b HTTP/1.1\r\n" + H + "\r\n", 400),
        Arguments.of("header without colon", "GET / HTTP/1.1\r\n" + H + "X-A\r\n\r\n", 400),
        Arguments.of("empty header name", "GET / HTTP/1.1\r\n" + H + ": x\r\n\r\n", 400),
        Arguments.of("CONNECT", "CONNECT h:443 HTTP/1.1\r\n" + H + "\r\n", 405),
        Arguments.of("CONNECT without port", "CONNECT www.example.org HTTP/1.1\r\n" + H + "\r\n", 400),
        Arguments.of("CONNECT with a path", "CONNECT h:443/x HTTP/1.1\r\n" + H + "\r\n", 400),
        Arguments.of("asterisk with GET", "GET * HTTP/1.1\r\n" + H + "\r\n", 400),
        Arguments.of("target without slash", "GET index.html HTTP/1.1\r\n" + H + "\r\n", 400),
        Arguments.of("oversized request line", "GET /" + "a".repeat(9000) + " HTTP/1.1\r\n" + H + "\r\n", 414),
        Arguments.of("oversized head", "GET / HTTP/1.1\r\n" + H + "X-Big: " + "b".repeat(40_000) + "\r\n\r\n", 431),
        Arguments.of("too many headers", "GET / HTTP/1.1\r\n" + H + "X-A: a\r\n".repeat(250) + "\r\n", 431),
        Arguments.of("body over the hard cap", "POST / HTTP/1.1\r\n" + H + "Content-Length: 99999999999\r\n\r\n", 413),
        Arguments.of("too many empty lines first", "\r\n\r\n\r\n\r\n\r\nGET / HTTP/1.1\r\n" + H + "\r\n", 400));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void ambiguousRequestIsRefusedAndNeverForwarded(String name, String request, int status) throws Exception {
    try (RawHttp client = new RawHttp(fixture.port())) {
      client.send(request + "GET /smuggled HTTP/1.1\r\nHost: h\r\n\r\n");
      RawHttp.Response response = client.read();
      assertThat(response.status()).isEqualTo(status);
      assertThat(response.header("Connection")).isEqualTo("close");
      assertThat(client.closedByServer()).isTrue();
    }
    assertThat(fixture.upstream.poll(150)).as("forwarded upstream").isNull();
  }

  @Test
  void emptyLinesBeforeTheRequestLineAreIgnored() throws Exception {
    assertThat(fixture.send("\r\n\r\nGET /x HTTP/1.1\r\n" + H + "\r\n").status()).isEqualTo(200);
    assertThat(fixture.upstream.take().uri()).isEqualTo("/x");
  }

  @Test
  void chunkExtensionsAndTrailersAreDroppedNotForwarded() throws Exception {
    RawHttp.Response r = fixture.send("POST /t HTTP/1.1\r\n" + H + "Transfer-Encoding: Chunked\r\n\r\n"
        + "3;name=\"v\"\r\nabc\r\n0\r\nX-Trailer: evil\r\nContent-Length: 99\r\n\r\n");
    assertThat(r.status()).isEqualTo(200);
    TestUpstream.Received got = fixture.upstream.take();
    assertThat(got.bodyText()).isEqualTo("abc");
    assertThat(got.header("X-Trailer")).isEmpty();
    assertThat(got.header("Transfer-Encoding")).isEmpty();
    assertThat(got.header("Content-Length")).containsExactly("3");
  }

  @Test
  void requestHiddenInABodyStaysInTheBody() throws Exception {
    String hidden = "GET /admin HTTP/1.1\r\nHost: h\r\n\r\n";
    try (RawHttp client = new RawHttp(fixture.port())) {
      client.send("POST /form HTTP/1.1\r\n" + H + "Content-Length: " + hidden.length() + "\r\n\r\n" + hidden);
      assertThat(client.read().status()).isEqualTo(200);
    }
    TestUpstream.Received got = fixture.upstream.take();
    assertThat(got.uri()).isEqualTo("/form");
    assertThat(got.bodyText()).isEqualTo(hidden);
    assertThat(fixture.upstream.poll(150)).isNull();
  }

  @Test
  void optionalWhitespaceAroundValuesIsTrimmed() throws Exception {
    assertThat(fixture.send("POST / HTTP/1.1\r\n" + H + "Content-Length: \t3 \r\n\r\nabc").status()).isEqualTo(200);
    assertThat(fixture.upstream.take().bodyText()).isEqualTo("abc");
  }

  @Test
  void absoluteFormTargetIsForwardedAsReceived() throws Exception {
    assertThat(fixture.send("GET http://h/abs?q=1 HTTP/1.1\r\n" + H + "\r\n").status()).isEqualTo(200);
    assertThat(fixture.upstream.take().uri()).isEqualTo("http://h/abs?q=1");
  }

  @Test
  void optionsAsteriskIsAccepted() throws Exception {
    assertThat(fixture.send("OPTIONS * HTTP/1.1\r\n" + H + "\r\n").status()).isEqualTo(200);
    assertThat(fixture.upstream.take().uri()).isEqualTo("*");
  }

  @Test
  void slowHeadIsCutOffAfterTheHeaderTimeout() throws Exception {
    try (ProxyFixture quick = ProxyFixture.start(null, c -> c.withEngine(EngineMode.OFF, true)
        .withTimeouts(java.time.Duration.ofMillis(500), java.time.Duration.ofMillis(500), java.time.Duration.ofSeconds(1),
            java.time.Duration.ofSeconds(1)), null);
        RawHttp client = new RawHttp(quick.port())) {
      client.send("GET / HTTP/1.1\r\nHo");
      assertThat(client.read().status()).isEqualTo(408);
    }
  }
}
