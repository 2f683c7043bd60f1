package dev.vpatch.proxy.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpatch.proxy.upstream.Upstream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTableTest {
  private static final Upstream DEFAULT = Upstream.parse("http://default:80");

  private static RouteTable table(Upstream fallback, Route... routes) {
    return new RouteTable(List.of(routes), fallback);
  }

  private static String upstreamOf(RouteTable table, String host, String target) {
    RouteTable.Selection selection = table.select(host, target);
    return selection == null ? "404" : selection.upstream().host();
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
      "shop.example.com, /, shop",
      "SHOP.Example.COM:8443, /x, shop",
      "shop.example.com., /x, shop",
      "shop.example.com, /api, shopapi",
      "shop.example.com, /api/v1?x=1, shopapi",
      "shop.example.com, /apix, shop",
      "a.example.com, /api/x, wild",
      "a.b.example.com, /, wild",
      "example.com, /, default",
      "other.test, /api/x, api",
      "other.test, /api, api",
      "other.test, /api/, api",
      "other.test, /API, default",
      "other.test, /static/img/a.png, static",
      "other.test, /x/../api/y, api",
      "other.test, /%61pi/y, api",
      "other.test, //api//y, api",
      "other.test, /api/../admin, default",
      "other.test, /api%2Fx, default",
      "other.test, /apix, default",
      "other.test, http://shop.example.com/api/z, shopapi",
      "other.test, *, default",
  })
  void mostSpecificHostThenLongestPrefixWins(String host, String target, String expected) {
    RouteTable table = table(DEFAULT,
        Route.of(null, "/api", "http://api", false),
        Route.of(null, "/static/", "http://static", false),
        Route.of("*.example.com", null, "http://wild", false),
        Route.of("shop.example.com", null, "http://shop", false),
        Route.of("shop.example.com", "/api", "http://shopapi", false));
    assertThat(upstreamOf(table, host, target)).isEqualTo(expected);
  }

  @Test
  void withoutDefaultAnUnmatchedRequestHasNoUpstream() {
    RouteTable table = table(null, Route.of("a.test", null, "http://a", false));
    assertThat(table.select("a.test", "/")).isNotNull();
    assertThat(table.select("b.test", "/")).isNull();
    assertThat(table.select(null, "/")).isNull();
    assertThat(table.select("", "/")).isNull();
  }

  @Test
  void theFirstOfTwoEquallySpecificRoutesWins() {
    RouteTable table = table(null, Route.of(null, "/a", "http://first", false), Route.of(null, "/a/", "http://second", false));
    assertThat(upstreamOf(table, "x", "/a/b")).isEqualTo("first");
  }

  @Test
  void pathIsForwardedUnchangedUnlessTheRouteStripsItsPrefix() {
    RouteTable table = table(null, Route.of(null, "/keep", "http://k", false), Route.of(null, "/strip", "http://s", true));
    assertThat(table.select("x", "/keep/a%20b?q=1").target()).isEqualTo("/keep/a%20b?q=1");
    assertThat(table.select("x", "/strip/a%20b?q=1").target()).isEqualTo("/a%20b?q=1");
    assertThat(table.select("x", "/strip?q=1").target()).isEqualTo("/?q=1");
    assertThat(table.select("x", "/strip").target()).isEqualTo("/");
  }

  @Test
  void aTableWithoutDefaultAndWithoutRoutesIsRefused() {
    assertThatThrownBy(() -> table(null)).hasMessageContaining("no upstream");
  }

  @Test
  void badRoutesSayWhatIsWrong() {
    assertThatThrownBy(() -> Route.of("a.test:80", null, "http://a", false)).hasMessageContaining("no port");
    assertThatThrownBy(() -> Route.of("a*.test", null, "http://a", false)).hasMessageContaining("route host");
    assertThatThrownBy(() -> Route.of(null, "api", "http://a", false)).hasMessageContaining("must start with '/'");
    assertThatThrownBy(() -> Route.of(null, null, "http://a", true)).hasMessageContaining("strip-prefix needs a path");
    assertThatThrownBy(() -> Route.of(null, "/a", "ftp://a", false)).hasMessageContaining("http:// or https://");
    assertThatThrownBy(() -> Route.of(null, "/a", "http://a/base", false)).hasMessageContaining("keep their own path");
  }

  @Test
  void upstreamsKnowTheirDefaultPortsAndAuthority() {
    assertThat(Upstream.parse("https://App.test").port()).isEqualTo(443);
    assertThat(Upstream.parse("https://App.test").authority()).isEqualTo("app.test");
    assertThat(Upstream.parse("http://app.test:8080/").authority()).isEqualTo("app.test:8080");
    assertThat(Upstream.parse("http://[::1]:81").authority()).isEqualTo("[::1]:81");
  }

  @ParameterizedTest
  @CsvSource({
      "/, /",
      "'', /",
      "/a/./b/../c, /a/c",
      "/../../x, /x",
      "/a//b/, /a/b/",
      "/%7Euser/%2e%2e/x, /x",
      "/a%2fb, /a%2fb",
      "/%zz/%4, /%zz/%4",
      "/a?b/../c, /a",
  })
  void pathsAreNormalizedLikeTheUpstreamReadsThem(String target, String normalized) {
    assertThat(RequestPath.of(target.isEmpty() ? "/" : target)).isEqualTo(normalized);
  }
}
