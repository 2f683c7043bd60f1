package dev.vpatch.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.proxy.testing.ProxyFixture;
import dev.vpatch.proxy.testing.RawHttp;
import dev.vpatch.proxy.testing.TestUpstream;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Benign traffic goes through unchanged, over real loopback sockets, with the engine off. */
class PassThroughTest {
  private ProxyFixture fixture;

  @BeforeEach
  void start() throws InterruptedException {
    fixture = ProxyFixture.engineOff();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private static List<Map.Entry<String, String>> withoutProxyHeaders(List<Map.Entry<String, String>> headers) {
    List<Map.Entry<String, String>> kept = new ArrayList<>();
    for (Map.Entry<String, String> h : headers) {
      // The test upstream's aggregator adds content-length itself.
      if (!h.getKey().toLowerCase().startsWith("x-forwarded-") && !h.getKey().equals("content-length")) {
        kept.add(Map.entry(h.getKey(), h.getValue()));
      }
    }
    return kept;
  }

  @Test
  void simpleGetReachesUpstreamAndAnswerComesBack() throws Exception {
    RawHttp.Response r = fixture.send("GET /a/b?c=d&e=%27f HTTP/1.1\r\nHost: example.test\r\n\r\n");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.bodyText()).isEqualTo("ok GET /a/b?c=d&e=%27f");
    TestUpstream.Received got = fixture.upstream.take();
    assertThat(got.uri()).isEqualTo("/a/b?c=d&e=%27f");
    assertThat(got.header("Host")).containsExactly("example.test");
  }

  @Test
  void manyAndDuplicateHeadersArriveInOrderWithNamesAndValuesUnchanged() throws Exception {
    StringBuilder request = new StringBuilder("GET / HTTP/1.1\r\nHost: h\r\n");
    for (int i = 0; i < 80; i++) {
      request.append("X-Custom-").append(i).append(": value ").append(i).append("\r\n");
    }
    request.append("x-dup: one\r\nX-DUP: two\r\nX-Dup: three\r\nCookie: a=1\r\nCookie: b=2\r\n");
    request.append("X-Latin1: caf\u00e9 \u00ff\u0080\r\nX-Empty:\r\nX-Spaces:   padded value  \r\n\r\n");
    fixture.send(request.toString());
    TestUpstream.Received got = fixture.upstream.take();
    List<Map.Entry<String, String>> expected = new ArrayList<>();
    expected.add(Map.entry("Host", "h"));
    for (int i = 0; i < 80; i++) {
      expected.add(Map.entry("X-Custom-" + i, "value " + i));
    }
    expected.addAll(List.of(Map.entry("x-dup", "one"), Map.entry("X-DUP", "two"), Map.entry("X-Dup", "three"),
        Map.entry("Cookie", "a=1"), Map.entry("Cookie", "b=2"), Map.entry("X-Latin1", "caf\u00e9 \u00ff\u0080"),
        Map.entry("X-Empty", ""), Map.entry("X-Spaces", "padded value")));
    assertThat(withoutProxyHeaders(got.headers())).containsExactlyElementsOf(expected);
  }

  @Test
  void binaryBodyWithContentLengthArrivesByteIdentical() throws Exception {
    byte[] body = new byte[256 * 4];
    for (int i = 0; i < body.length; i++) {
      body[i] = (byte) i;
    }
    try (RawHttp client = new RawHttp(fixture.port())) {
      client.send("POST /upload HTTP/1.1\r\nHost: h\r\nContent-Type: application/octet-stream\r\nContent-Length: "
          + body.length + "\r\n\r\n").send(body);
      assertThat(client.read().status()).isEqualTo(200);
    }
    TestUpstream.Received got = fixture.upstream.take();
    assertThat(got.body()).isEqualTo(body);
    assertThat(got.header("Content-Length")).containsExactly(Integer.toString(body.length));
  }

  @Test
  void chunkedRequestBodyArrivesWithIdenticalBytes() throws Exception {
    RawHttp.Response r = fixture.send("POST /c HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "5\r\nhello\r\n1;ext=1\r\n \r\n6\r\nworld!\r\n0\r\n\r\n");
    assertThat(r.status()).isEqualTo(200);
    assertThat(fixture.upstream.take().bodyText()).isEqualTo("hello world!");
  }

  @Test
  void largeRandomRequestAndResponseBodiesAreByteIdentical() throws Exception {
    byte[] body = new byte[3 * 1024 * 1024 + 17];
    new Random(42).nextBytes(body);
    fixture.upstream.respondWith((request, ctx) -> {
      FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
          Unpooled.wrappedBuffer(request.body()));
      response.headers().set("Content-Length", request.body().length);
      ctx.writeAndFlush(response);
    });
    try (RawHttp client = new RawHttp(fixture.port())) {
      client.send("PUT /big HTTP/1.1\r\nHost: h\r\nContent-Length: " + body.length + "\r\n\r\n").send(body);
      RawHttp.Response r = client.read();
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.body()).isEqualTo(body);
    }
    assertThat(fixture.upstream.take().body()).isEqualTo(body);
  }

  @Test
  void chunkedResponseWithDuplicateHeadersComesBackIdentical() throws Exception {
    byte[] first = "first piece\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] second = new byte[70_000];
    new Random(7).nextBytes(second);
    fixture.upstream.respondWith((request, ctx) -> {
      DefaultHttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(201, "Made It"));
      response.headers().add("Transfer-Encoding", "chunked").add("Set-Cookie", "a=1").add("set-cookie", "b=2")
          .add("X-Case", "MiXeD");
      ctx.write(response);
      ctx.write(new DefaultHttpContent(Unpooled.wrappedBuffer(first)));
      ctx.write(new DefaultHttpContent(Unpooled.wrappedBuffer(second)));
      ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
    });
    RawHttp.Response r = fixture.send("GET /stream HTTP/1.1\r\nHost: h\r\n\r\n");
    assertThat(r.statusLine()).isEqualTo("HTTP/1.1 201 Made It");
    assertThat(r.header("Transfer-Encoding")).isEqualTo("chunked");
    assertThat(r.headers()).contains(Map.entry("Set-Cookie", "a=1"), Map.entry("set-cookie", "b=2"), Map.entry("X-Case", "MiXeD"));
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.write(first);
    expected.write(second);
    assertThat(r.body()).isEqualTo(expected.toByteArray());
  }

  @Test
  void keepAliveCarriesManyRequestsOverOneClientConnectionAndReusesUpstreamConnections() throws Exception {
    try (RawHttp client = new RawHttp(fixture.port())) {
      for (int i = 0; i < 20; i++) {
        client.send("GET /k" + i + " HTTP/1.1\r\nHost: h\r\n\r\n");
        RawHttp.Response r = client.read();
        assertThat(r.bodyText()).isEqualTo("ok GET /k" + i);
        assertThat(r.header("Connection")).isNull();
      }
    }
    assertThat(fixture.upstream.connections()).isLessThanOrEqualTo(2);
  }

  @Test
  void pipelinedRequestsAreAnsweredInOrder() throws Exception {
    try (RawHttp client = new RawHttp(fixture.port())) {
      client.send("GET /p1 HTTP/1.1\r\nHost: h\r\n\r\nPOST /p2 HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabcGET /p3 HTTP/1.1\r\nHost: h\r\n\r\n");
      assertThat(client.read().bodyText()).isEqualTo("ok GET /p1");
      assertThat(client.read().bodyText()).isEqualTo("ok POST /p2");
      assertThat(client.read().bodyText()).isEqualTo("ok GET /p3");
    }
  }

  @Test
  void headResponseAnnouncesLengthButCarriesNoBody() throws Exception {
    try (RawHttp client = new RawHttp(fixture.port())) {
      client.send("HEAD /h HTTP/1.1\r\nHost: h\r\n\r\n");
      RawHttp.Response r = client.read(true);
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.header("Content-Length")).isEqualTo("10");
      client.send("GET /after HTTP/1.1\r\nHost: h\r\n\r\n");
      assertThat(client.read().bodyText()).isEqualTo("ok GET /after");
    }
  }

  @Test
  void http10RequestGetsHostAddedUpstreamAndConnectionClosed() throws Exception {
    try (RawHttp client = new RawHttp(fixture.port())) {
      client.send("GET /old HTTP/1.0\r\n\r\n");
      RawHttp.Response r = client.read();
      assertThat(r.status()).isEqualTo(200);
      assertThat(client.closedByServer()).isTrue();
    }
    assertThat(fixture.upstream.take().header("Host")).containsExactly(fixture.upstream.uri().getAuthority());
  }

  @Test
  void forwardedHeadersAreAddedAndHopByHopHeadersRemoved() throws Exception {
    fixture.send("GET / HTTP/1.1\r\nHost: shop.test\r\nX-Forwarded-For: 10.0.0.1\r\nX-Forwarded-Proto: gopher\r\n"
        + "Connection: keep-alive, X-Secret\r\nX-Secret: s\r\nKeep-Alive: timeout=5\r\nTE: trailers\r\nUpgrade: foo\r\n"
        + "Proxy-Connection: keep-alive\r\nX-Kept: yes\r\n\r\n");
    TestUpstream.Received got = fixture.upstream.take();
    assertThat(got.header("X-Forwarded-For")).containsExactly("10.0.0.1, 127.0.0.1");
    assertThat(got.header("X-Forwarded-Proto")).containsExactly("http");
    assertThat(got.header("X-Forwarded-Host")).containsExactly("shop.test");
    for (String hop : List.of("Connection", "X-Secret", "Keep-Alive", "TE", "Upgrade", "Proxy-Connection")) {
      assertThat(got.header(hop)).as(hop).isEmpty();
    }
    assertThat(got.header("X-Kept")).containsExactly("yes");
  }

  @Test
  void expectContinueIsAnsweredByTheProxy() throws Exception {
    try (RawHttp client = new RawHttp(fixture.port())) {
      client.send("POST /e HTTP/1.1\r\nHost: h\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n");
      assertThat(client.read().status()).isEqualTo(100);
      client.send("body");
      assertThat(client.read().bodyText()).isEqualTo("ok POST /e");
    }
    TestUpstream.Received got = fixture.upstream.take();
    assertThat(got.header("Expect")).isEmpty();
    assertThat(got.bodyText()).isEqualTo("body");
  }

  @Test
  void noContentAndNotModifiedResponsesPassWithoutBody() throws Exception {
    fixture.upstream.respondWith((request, ctx) -> {
      int code = request.uri().equals("/204") ? 204 : 304;
      ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(code)));
    });
    try (RawHttp client = new RawHttp(fixture.port())) {
      client.send("GET /204 HTTP/1.1\r\nHost: h\r\n\r\n");
      assertThat(client.read().status()).isEqualTo(204);
      client.send("GET /304 HTTP/1.1\r\nHost: h\r\n\r\n");
      assertThat(client.read().status()).isEqualTo(304);
    }
  }

  @Test
  void unreachableUpstreamAnswers502AndSlowUpstreamAnswers504() throws Exception {
    int closedPort;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
      closedPort = probe.getLocalPort();
    }
    java.net.URI nowhere = java.net.URI.create("http://127.0.0.1:" + closedPort);
    try (ProxyServer proxy = ProxyServer.start(ProxyConfig.defaults(nowhere).withListen("127.0.0.1", 0)
        .withEngine(EngineMode.OFF, true), () -> null, dev.vpatch.proxy.observe.ProxyMetrics.unregistered(), null, 1)) {
      RawHttp.Response r = RawHttp.exchange(proxy.port(), "GET / HTTP/1.1\r\nHost: h\r\n\r\n");
      assertThat(r.status()).isEqualTo(502);
      assertThat(r.bodyText()).doesNotContain("127.0.0.1").doesNotContain("Exception");
    }
    fixture.upstream.respondWith((request, ctx) -> { /* never answers */ });
    try (ProxyServer proxy = ProxyServer.start(ProxyConfig.defaults(fixture.upstream.uri()).withListen("127.0.0.1", 0)
        .withEngine(EngineMode.OFF, true).withTimeouts(java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(5),
            java.time.Duration.ofSeconds(1), java.time.Duration.ofMillis(300)),
        () -> null, dev.vpatch.proxy.observe.ProxyMetrics.unregistered(), null, 1)) {
      assertThat(RawHttp.exchange(proxy.port(), "GET /slow HTTP/1.1\r\nHost: h\r\n\r\n").status()).isEqualTo(504);
    }
  }

  @Test
  void hopByHopFieldsOfTheResponseAreRemovedAndTheOthersKeptInOrder() throws Exception {
    fixture.upstream.respondWith((request, ctx) -> {
      FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
          Unpooled.wrappedBuffer(new byte[] {'o', 'k'}));
      response.headers().add("X-First", "1").add("Connection", "keep-alive, X-Private").add("keep-alive", "timeout=5")
          .add("X-Private", "p").add("Proxy-Connection", "keep-alive").add("Trailer", "X-T").add("Upgrade", "foo")
          .add("X-Last", "2").add("x-private", "q").add("Content-Length", "2");
      ctx.writeAndFlush(response);
    });
    RawHttp.Response r = fixture.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.bodyText()).isEqualTo("ok");
    List<String> names = new ArrayList<>();
    r.headers().forEach(h -> names.add(h.getKey()));
    assertThat(names).containsExactly("X-First", "X-Last", "Content-Length");
  }

  @Test
  void responseTimeoutHoldsForEachRequestOnAReusedUpstreamConnection() throws Exception {
    fixture.upstream.respondWith((request, ctx) -> {
      if (!request.uri().startsWith("/slow")) {
        TestUpstream.answerOk(request, ctx);
      }
    });
    try (ProxyServer proxy = ProxyServer.start(ProxyConfig.defaults(fixture.upstream.uri()).withListen("127.0.0.1", 0)
        .withEngine(EngineMode.OFF, true).withTimeouts(java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(5),
            java.time.Duration.ofSeconds(1), java.time.Duration.ofMillis(300)),
        () -> null, dev.vpatch.proxy.observe.ProxyMetrics.unregistered(), null, 1);
        RawHttp client = new RawHttp(proxy.port())) {
      // Answered requests, with pauses longer than the timeout: no deadline of theirs is left to fire.
      for (int i = 0; i < 3; i++) {
        client.send("GET /fast" + i + " HTTP/1.1\r\nHost: h\r\n\r\n");
        assertThat(client.read().status()).isEqualTo(200);
        Thread.sleep(i == 0 ? 100 : 400);
      }
      long start = System.nanoTime();
      client.send("GET /slow HTTP/1.1\r\nHost: h\r\n\r\n");
      assertThat(client.read().status()).isEqualTo(504);
      long waitedMillis = (System.nanoTime() - start) / 1_000_000;
      assertThat(waitedMillis).isBetween(250L, 3000L);
      assertThat(RawHttp.exchange(proxy.port(), "GET /fast HTTP/1.1\r\nHost: h\r\n\r\n").status()).isEqualTo(200);
      assertThat(fixture.upstream.connections()).isLessThanOrEqualTo(3);
    }
  }

  @Test
  void http10KeepAliveIsHonoured() throws Exception {
    try (RawHttp client = new RawHttp(fixture.port())) {
      for (int i = 0; i < 3; i++) {
        client.send("GET /k HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        RawHttp.Response r = client.read();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Connection")).isEqualToIgnoringCase("keep-alive");
      }
    }
  }
}
