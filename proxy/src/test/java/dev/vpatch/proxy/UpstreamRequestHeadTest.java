package dev.vpatch.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.proxy.observe.ProxyMetrics;
import dev.vpatch.proxy.testing.RawHttp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The exact bytes of the request head the upstream receives: the client's fields in their order and
 * spelling, connection-specific ones removed, the proxy's own fields last; and the same head again
 * when a stale keep-alive connection forces a retry on a fresh one.
 */
class UpstreamRequestHeadTest {
  private final ServerSocket upstream = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
  private final BlockingQueue<String> heads = new LinkedBlockingQueue<>();
  private final List<Socket> accepted = new CopyOnWriteArrayList<>();
  /** How many requests each upstream connection answers before it closes without answering the next. */
  private volatile int answersPerConnection = Integer.MAX_VALUE;
  private final Thread acceptor = new Thread(this::acceptLoop);
  private ProxyServer proxy;

  UpstreamRequestHeadTest() throws IOException {
    acceptor.setDaemon(true);
    acceptor.start();
  }

  @AfterEach
  void stop() throws IOException {
    if (proxy != null) {
      proxy.close();
    }
    upstream.close();
    for (Socket socket : accepted) {
      socket.close();
    }
  }

  private void acceptLoop() {
    while (!upstream.isClosed()) {
      try {
        Socket socket = upstream.accept();
        accepted.add(socket);
        Thread serve = new Thread(() -> serve(socket));
        serve.setDaemon(true);
        serve.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  /** Reads bodiless request heads and answers each with a small keep-alive response. */
  private void serve(Socket socket) {
    try (socket) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      for (int answered = 0; ; answered++) {
        String head = readHead(in);
        if (head == null) {
          return;
        }
        heads.add(head);
        if (answered >= answersPerConnection) {
          return; // closes without an answer, like an upstream whose keep-alive timeout just expired
        }
        out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      }
    } catch (IOException e) {
      // the test is over
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      head.write(b);
      if (head.size() >= 4 && head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
        return head.toString(StandardCharsets.ISO_8859_1);
      }
    }
    return null;
  }

  private int startProxy() throws InterruptedException {
    ProxyConfig config = ProxyConfig.defaults(URI.create("http://127.0.0.1:" + upstream.getLocalPort()))
        .withListen("127.0.0.1", 0).withEngine(EngineMode.OFF, true);
    proxy = ProxyServer.start(config, () -> null, ProxyMetrics.unregistered(), null, 1);
    return proxy.port();
  }

  private String nextHead() throws InterruptedException {
    String head = heads.poll(5, TimeUnit.SECONDS);
    assertThat(head).as("a request head reached the upstream").isNotNull();
    return head;
  }

  @Test
  void clientFieldsKeepOrderAndSpellingAndTheProxyFieldsComeLast() throws Exception {
    int port = startProxy();
    RawHttp.Response r = RawHttp.exchange(port, "GET /x?y=1 HTTP/1.1\r\nHost: shop.test\r\nA-First: 1\r\n"
        + "Connection: keep-alive, X-Hop\r\nx-hop: gone\r\nX-Forwarded-For: 10.0.0.1\r\nexpect: 100-continue\r\n"
        + "mIxEd-CaSe:  spaced value \r\nA-First: 2\r\nX-Forwarded-Host: spoofed\r\n\r\n");
    assertThat(r.status()).isEqualTo(200);
    assertThat(nextHead()).isEqualTo("GET /x?y=1 HTTP/1.1\r\nHost: shop.test\r\nA-First: 1\r\n"
        + "X-Forwarded-For: 10.0.0.1, 127.0.0.1\r\nmIxEd-CaSe: spaced value\r\nA-First: 2\r\n"
        + "X-Forwarded-Proto: http\r\nX-Forwarded-Host: shop.test\r\n\r\n");
  }

  @Test
  void severalForwardedForFieldsStayAsTheyAreAndTheClientAddressIsAddedLast() throws Exception {
    int port = startProxy();
    RawHttp.exchange(port, "GET / HTTP/1.1\r\nX-Forwarded-For: 1.1.1.1\r\nHost: h\r\nx-forwarded-for: 2.2.2.2\r\n\r\n");
    assertThat(nextHead()).isEqualTo("GET / HTTP/1.1\r\nX-Forwarded-For: 1.1.1.1\r\nHost: h\r\n"
        + "x-forwarded-for: 2.2.2.2\r\nX-Forwarded-For: 127.0.0.1\r\nX-Forwarded-Proto: http\r\nX-Forwarded-Host: h\r\n\r\n");
  }

  @Test
  void http10RequestWithoutHostGetsTheUpstreamAuthority() throws Exception {
    int port = startProxy();
    RawHttp.exchange(port, "GET /old HTTP/1.0\r\nUser-Agent: t\r\n\r\n");
    assertThat(nextHead()).isEqualTo("GET /old HTTP/1.1\r\nUser-Agent: t\r\nhost: 127.0.0.1:" + upstream.getLocalPort()
        + "\r\nX-Forwarded-For: 127.0.0.1\r\nX-Forwarded-Proto: http\r\n\r\n");
  }

  @Test
  void headOfARequestWhoseBodyHasNotComeYetReachesTheUpstreamAtOnce() throws Exception {
    int port = startProxy();
    try (RawHttp client = new RawHttp(port)) {
      client.send("POST /early HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\n");
      assertThat(nextHead()).startsWith("POST /early HTTP/1.1\r\n");
      // The upstream answered from the head alone, as one rejecting an upload early does.
      assertThat(client.read().bodyText()).isEqualTo("ok");
    }
  }

  @Test
  void headAndBodyReadTogetherReachTheUpstreamTogether() throws Exception {
    int port = startProxy();
    RawHttp.Response r = RawHttp.exchange(port, "POST /both HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello");
    assertThat(r.bodyText()).isEqualTo("ok");
    assertThat(nextHead()).isEqualTo("POST /both HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n"
        + "X-Forwarded-For: 127.0.0.1\r\nX-Forwarded-Proto: http\r\nX-Forwarded-Host: h\r\n\r\n");
  }

  @Test
  void retryOnAFreshConnectionAfterAStaleKeepAliveSendsTheSameHead() throws Exception {
    answersPerConnection = 1;
    int port = startProxy();
    try (RawHttp client = new RawHttp(port)) {
      client.send("GET /first HTTP/1.1\r\nHost: h\r\nConnection: keep-alive\r\nX-Forwarded-For: 9.9.9.9\r\n\r\n");
      assertThat(client.read().bodyText()).isEqualTo("ok");
      nextHead();
      client.send("GET /second HTTP/1.1\r\nHost: h\r\nConnection: keep-alive\r\nX-Forwarded-For: 9.9.9.9\r\n\r\n");
      assertThat(client.read().bodyText()).isEqualTo("ok");
    }
    String expected = "GET /second HTTP/1.1\r\nHost: h\r\nX-Forwarded-For: 9.9.9.9, 127.0.0.1\r\n"
        + "X-Forwarded-Proto: http\r\nX-Forwarded-Host: h\r\n\r\n";
    assertThat(nextHead()).as("sent on the reused connection").isEqualTo(expected);
    assertThat(nextHead()).as("sent again on a fresh connection").isEqualTo(expected);
    assertThat(accepted).hasSize(2);
  }
}
