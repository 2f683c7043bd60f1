package dev.vpatch.proxy.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.engine.RuleSet;
import dev.vpatch.proxy.EngineMode;
import dev.vpatch.proxy.ProxyConfig;
import dev.vpatch.proxy.ProxyServer;
import dev.vpatch.proxy.observe.ProxyMetrics;
import dev.vpatch.proxy.testing.RawHttp;
import dev.vpatch.proxy.testing.TestUpstream;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two real backends behind one proxy, chosen by Host and path prefix. */
class RoutingProxyTest {
  private TestUpstream shop;
  private TestUpstream api;
  private ProxyServer proxy;

  @BeforeEach
  void backends() throws Exception {
    shop = new TestUpstream();
    api = new TestUpstream();
  }

  @AfterEach
  void stop() {
    if (proxy != null) proxy.close();
    shop.close();
    api.close();
  }

  private void start(java.net.URI fallback, Route... routes) throws Exception {
    RuleSet rules = RuleSet.builder().addVpatchDefaults()
        .addText("SecRule ARGS \"@contains attack\" \"id:1001,phase:2,deny,status:403\"\n", "routing-test.conf").build();
    ProxyConfig config = new ProxyConfig("127.0.0.1", 0, fallback, EngineMode.ON, true, 8192, 32768, 100, 1 << 20, 1 << 20,
        java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(2),
        java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(30), 8, null, null, List.of(routes), null, false);
    proxy = ProxyServer.start(config, () -> rules, ProxyMetrics.unregistered(), null, 1);
  }

  private RawHttp.Response get(String host, String target) throws Exception {
    return RawHttp.exchange(proxy.port(), "GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
  }

  @Test
  void requestsReachTheBackendOfTheirHostAndPath() throws Exception {
    start(null,
        Route.of("shop.test", null, shop.uri().toString(), false),
        Route.of("shop.test", "/api", api.uri().toString(), false),
        Route.of("*.api.test", null, api.uri().toString(), false));

    assertThat(get("shop.test", "/cart?x=1").status()).isEqualTo(200);
    TestUpstream.Received atShop = shop.take();
    assertThat(atShop.uri()).isEqualTo("/cart?x=1");
    assertThat(atShop.header("Host")).containsExactly("shop.test");

    assertThat(get("SHOP.test:8080", "/api/items").bodyText()).isEqualTo("ok GET /api/items");
    assertThat(api.take().uri()).isEqualTo("/api/items");

    assertThat(get("eu.api.test", "/v2").status()).isEqualTo(200);
    assertThat(api.take().header("Host")).containsExactly("eu.api.test");

    assertThat(get("shop.test", "/apiary").status()).isEqualTo(200);
    assertThat(shop.take().uri()).isEqualTo("/apiary");
  }

  @Test
  void nothingMatchingAndNoDefaultIs404WithoutContactingAnyBackend() throws Exception {
    start(null, Route.of("shop.test", null, shop.uri().toString(), false));
    RawHttp.Response response = get("elsewhere.test", "/");
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.bodyText()).contains("404 Not Found").doesNotContain("shop.test").doesNotContain("127.0.0.1");
    assertThat(shop.poll(200)).isNull();
    assertThat(shop.connections()).isZero();
  }

  @Test
  void theDefaultUpstreamTakesWhatNoRouteMatches() throws Exception {
    start(shop.uri(), Route.of(null, "/api", api.uri().toString(), true));
    assertThat(get("any.test", "/other").status()).isEqualTo(200);
    assertThat(shop.take().uri()).isEqualTo("/other");
    assertThat(get("any.test", "/api/v1/x?y=2").status()).isEqualTo(200);
    assertThat(api.take().uri()).isEqualTo("/v1/x?y=2");
  }

  @Test
  void attacksAreBlockedOnRoutedRequestsAndOnUnroutableOnes() throws Exception {
    start(null, Route.of(null, "/api", api.uri().toString(), false));
    assertThat(get("x.test", "/api/q?name=attack").status()).isEqualTo(403);
    assertThat(get("x.test", "/nowhere?name=attack").status()).isEqualTo(403);
    assertThat(get("x.test", "/nowhere?name=fine").status()).isEqualTo(404);
    assertThat(api.poll(200)).isNull();
  }

  @Test
  void eachBackendKeepsItsOwnPooledConnection() throws Exception {
    start(shop.uri(), Route.of(null, "/api", api.uri().toString(), false));
    try (RawHttp client = new RawHttp(proxy.port())) {
      for (int i = 0; i < 3; i++) {
        client.send("GET /api/" + i + " HTTP/1.1\r\nHost: h\r\n\r\n");
        assertThat(client.read().bodyText()).isEqualTo("ok GET /api/" + i);
        client.send("GET /shop/" + i + " HTTP/1.1\r\nHost: h\r\n\r\n");
        assertThat(client.read().bodyText()).isEqualTo("ok GET /shop/" + i);
      }
    }
    assertThat(api.connections()).isEqualTo(1);
    assertThat(shop.connections()).isEqualTo(1);
  }
}
