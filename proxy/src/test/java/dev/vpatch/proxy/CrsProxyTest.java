package dev.vpatch.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vpatch.proxy.rules.RuleSetHolder;
import dev.vpatch.proxy.rules.RuleSources;
import dev.vpatch.proxy.testing.ProxyFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OWASP CRS v4 (read from vpatch.crs.dir) behind the proxy with its default anomaly blocking. */
class CrsProxyTest {
  private static ProxyFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    Path crs = Path.of(System.getProperty("vpatch.crs.dir", "../../shared/crs"));
    assumeTrue(Files.isDirectory(crs.resolve("rules")), "CRS not found at " + crs);
    RuleSetHolder rules = new RuleSetHolder(new RuleSources(crs, List.of(), EngineMode.ON, null));
    fixture = ProxyFixture.start(rules, c -> c, null);
  }

  @AfterAll
  static void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void benignBrowserRequestPasses() throws Exception {
    assertThat(fixture.send("GET /products?id=42&sort=price HTTP/1.1\r\nHost: shop.test\r\n"
        + "User-Agent: Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0\r\nAccept: text/html\r\n"
        + "Accept-Language: en-US,en;q=0.5\r\n\r\n").status()).isEqualTo(200);
  }

  @Test
  void sqlInjectionIsBlockedByAnomalyScoring() throws Exception {
    assertThat(fixture.send("GET /products?id=1%27%20UNION%20SELECT%20username,password%20FROM%20users-- HTTP/1.1\r\n"
        + "Host: shop.test\r\nUser-Agent: Mozilla/5.0\r\nAccept: text/html\r\n\r\n").status()).isEqualTo(403);
  }

  @Test
  void sqlInjectionInAJsonBodyIsBlocked() throws Exception {
    String body = "{\"id\":\"1' UNION SELECT username,password FROM users--\"}";
    assertThat(fixture.send("POST /api HTTP/1.1\r\nHost: shop.test\r\nUser-Agent: Mozilla/5.0\r\nAccept: */*\r\n"
        + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body).status()).isEqualTo(403);
  }
}
