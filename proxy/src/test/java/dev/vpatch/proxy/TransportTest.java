package dev.vpatch.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vpatch.proxy.rules.RuleSetHolder;
import dev.vpatch.proxy.rules.RuleSources;
import dev.vpatch.proxy.testing.ProxyFixture;
import dev.vpatch.proxy.testing.RawHttp;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.uring.IoUring;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The proxy behaves the same on each socket layer it can run on (io_uring, epoll, NIO): a machine
 * without io_uring falls back to epoll, so that path must stay tested where io_uring is the default.
 */
class TransportTest {
  private static final String EXPORT =
      "/wordpress/wp-content/plugins/levelfourstorefront/scripts/administration/exportsubscribers.php";

  @ParameterizedTest
  @ValueSource(strings = {"io_uring", "epoll", "nio"})
  void eachTransportPassesKeepAliveAndChunkedTrafficAndBlocksTheGuidesPoc(String transport) throws Exception {
    assumeTrue(available(transport), transport + " is not available on this machine");
    String before = System.getProperty("vpatch.transport");
    System.setProperty("vpatch.transport", transport);
    Path patch = Path.of(TransportTest.class.getResource("/owasp-guide/positive-patch.conf").toURI());
    RuleSetHolder rules = new RuleSetHolder(new RuleSources(null, List.of(patch), EngineMode.ON, null));
    try (ProxyFixture fixture = ProxyFixture.start(rules, c -> c.withEngine(EngineMode.ON, true), null)) {
      assertThat(fixture.proxy.transportName()).isEqualTo(transport);
      try (RawHttp client = new RawHttp(fixture.port())) {
        client.send("GET " + EXPORT + "?reqID=7 HTTP/1.1\r\nHost: shop.test\r\n\r\n");
        assertThat(client.read().status()).isEqualTo(200);
        client.send("GET " + EXPORT + "?reqID=1'%20or%201='1 HTTP/1.1\r\nHost: shop.test\r\n\r\n");
        assertThat(client.read().status()).isEqualTo(403);
        client.send("POST /orders HTTP/1.1\r\nHost: shop.test\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n4\r\nqty=\r\n1\r\n3\r\n0\r\n\r\n");
        assertThat(client.read().status()).isEqualTo(200);
      }
      assertThat(fixture.upstream.take().uri()).isEqualTo(EXPORT + "?reqID=7");
      assertThat(fixture.upstream.take().bodyText()).isEqualTo("qty=3");
      assertThat(fixture.upstream.poll(200)).isNull();
    } finally {
      if (before == null) System.clearProperty("vpatch.transport");
      else System.setProperty("vpatch.transport", before);
    }
  }

  @Test
  void eventLoopsWhoseIoUringRingsCannotStartRunOnEpollInstead() throws Exception {
    assumeTrue(Epoll.isAvailable(), "epoll is not available on this machine");
    IoHandlerFactory ringsFail = executor -> {
      throw new IllegalStateException("io_uring setup failed: Cannot allocate memory");
    };
    Transport transport = new Transport(Transport.Kind.IO_URING,
        kind -> kind == Transport.Kind.IO_URING ? ringsFail : EpollIoHandler.newFactory());
    Transport.EventLoops loops = transport.open(2);
    try {
      assertThat(loops.transport().name()).isEqualTo("epoll");
      assertThat(loops.transport().socketChannel()).isEqualTo(EpollSocketChannel.class);
      assertThat(loops.workers().submit(() -> "ran").get(5, TimeUnit.SECONDS)).isEqualTo("ran");
    } finally {
      loops.acceptors().shutdownGracefully(0, 0, TimeUnit.SECONDS);
      loops.workers().shutdownGracefully(0, 0, TimeUnit.SECONDS);
    }
  }

  private static boolean available(String transport) {
    switch (transport) {
      case "io_uring":
        return IoUring.isAvailable();
      case "epoll":
        return Epoll.isAvailable();
      default:
        return true;
    }
  }
}
