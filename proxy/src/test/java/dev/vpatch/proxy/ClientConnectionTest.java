package dev.vpatch.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.proxy.testing.ProxyFixture;
import dev.vpatch.proxy.testing.RawHttp;
import dev.vpatch.proxy.testing.TestUpstream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How one client connection behaves around its requests: the end of the client's input (half-close)
 * during and between exchanges, requests read ahead while an exchange runs, and the header and body
 * deadlines over a long-lived connection.
 */
class ClientConnectionTest {
  private final ProxyFixture fixture = engineOff();

  @AfterEach
  void stop() {
    fixture.close();
  }

  private static ProxyFixture engineOff() {
    try {
      return ProxyFixture.engineOff();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static ProxyFixture withTimeouts(Duration header, Duration body) throws InterruptedException {
    return ProxyFixture.start(null, c -> c.withEngine(EngineMode.OFF, true)
        .withTimeouts(header, body, Duration.ofSeconds(1), Duration.ofSeconds(5)), null);
  }

  /** The upstream answers every request only after {@code millis}. */
  private void slowUpstream(long millis) {
    fixture.upstream.respondWith((request, ctx) ->
        ctx.executor().schedule(() -> TestUpstream.answerOk(request, ctx), millis, TimeUnit.MILLISECONDS));
  }

  /** Sends {@code requests}, waits until the upstream has the first, half-closes: nothing comes back. */
  private void assertHalfCloseDuringExchangeClosesWithoutAnswer(String requests, String firstUri) throws Exception {
    // Like nginx, which logs such a request as 499: the end of the client's input abandons the exchange.
    slowUpstream(300);
    try (RawHttp client = new RawHttp(fixture.port())) {
      client.send(requests);
      assertThat(fixture.upstream.take().uri()).isEqualTo(firstUri);
      client.shutdownOutput();
      assertThat(client.closedByServer()).isTrue();
    }
    assertThat(fixture.upstream.poll(500)).isNull();
  }

  @Test
  void halfCloseWhileTheUpstreamIsWorkingClosesTheConnectionWithoutAnAnswer() throws Exception {
    assertHalfCloseDuringExchangeClosesWithoutAnswer("POST /slow HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabc", "/slow");
  }

  @Test
  void halfCloseAfterPipelinedRequestsClosesTheConnectionWithoutAnAnswer() throws Exception {
    assertHalfCloseDuringExchangeClosesWithoutAnswer(
        "GET /1 HTTP/1.1\r\nHost: h\r\n\r\nGET /2 HTTP/1.1\r\nHost: h\r\n\r\n", "/1");
  }

  @Test
  void incompleteRequestHeadThenHalfCloseClosesWithoutAnswerOrUpstreamRequest() throws Exception {
    try (RawHttp client = new RawHttp(fixture.port())) {
      client.send("GET /partial HTTP/1.1\r\nHost: h\r\n");
      client.shutdownOutput();
      assertThat(client.closedByServer()).isTrue();
    }
    assertThat(fixture.upstream.poll(200)).isNull();
  }

  @Test
  void halfCloseBetweenRequestsClosesTheIdleConnection() throws Exception {
    try (RawHttp client = new RawHttp(fixture.port())) {
      client.send("GET /one HTTP/1.1\r\nHost: h\r\n\r\n");
      assertThat(client.read().bodyText()).isEqualTo("ok GET /one");
      client.shutdownOutput();
      assertThat(client.closedByServer()).isTrue();
    }
  }

  @Test
  void manyPipelinedRequestsBeyondTheReadAheadLimitAreAnsweredInOrder() throws Exception {
    slowUpstream(1);
    StringBuilder requests = new StringBuilder();
    int count = 0;
    while (requests.length() < 3 * 64 * 1024) {
      requests.append("GET /r").append(count++).append(" HTTP/1.1\r\nHost: h\r\nX-Filler: ")
          .append("f".repeat(200)).append("\r\n\r\n");
    }
    try (RawHttp client = new RawHttp(fixture.port())) {
      byte[] bytes = RawHttp.bytes(requests.toString());
      Thread writer = new Thread(() -> {
        try {
          client.send(bytes);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      writer.start();
      for (int i = 0; i < count; i++) {
        assertThat(client.read().bodyText()).isEqualTo("ok GET /r" + i);
      }
      writer.join(10_000);
    }
  }

  @Test
  void keepAliveConnectionBusyLongerThanTheHeaderTimeoutIsNotCutOff() throws Exception {
    try (ProxyFixture quick = withTimeouts(Duration.ofMillis(400), Duration.ofMillis(400));
        RawHttp client = new RawHttp(quick.port())) {
      long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1200);
      int i = 0;
      while (System.nanoTime() < end) {
        client.send("GET /busy" + i + " HTTP/1.1\r\nHost: h\r\n\r\n");
        assertThat(client.read().bodyText()).isEqualTo("ok GET /busy" + i);
        i++;
        Thread.sleep(100);
      }
    }
  }

  @Test
  void idleKeepAliveConnectionIsClosedSilentlyAfterTheHeaderTimeout() throws Exception {
    try (ProxyFixture quick = withTimeouts(Duration.ofMillis(300), Duration.ofSeconds(5));
        Socket socket = new Socket("127.0.0.1", quick.port())) {
      socket.getOutputStream().write(RawHttp.bytes("GET /once HTTP/1.1\r\nHost: h\r\n\r\n"));
      socket.setSoTimeout(5_000);
      InputStream in = socket.getInputStream();
      byte[] all = in.readAllBytes(); // the response, then EOF when the idle connection is closed
      assertThat(new String(all, java.nio.charset.StandardCharsets.ISO_8859_1))
          .startsWith("HTTP/1.1 200 ").endsWith("ok GET /once").doesNotContain(" 408 ");
    }
  }

  @Test
  void slowBodyIsCutOffAfterTheBodyTimeoutEvenAfterEarlierRequests() throws Exception {
    try (ProxyFixture quick = withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(300));
        RawHttp client = new RawHttp(quick.port())) {
      client.send("GET /first HTTP/1.1\r\nHost: h\r\n\r\n");
      assertThat(client.read().bodyText()).isEqualTo("ok GET /first");
      client.send("POST /slow HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n");
      long start = System.nanoTime();
      RawHttp.Response r = client.read();
      long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertThat(r.status()).isEqualTo(408);
      assertThat(waitedMillis).isGreaterThanOrEqualTo(250).isLessThan(4_000);
    }
  }
}
