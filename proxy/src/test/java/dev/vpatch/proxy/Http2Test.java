package dev.vpatch.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vpatch.proxy.rules.RuleSetHolder;
import dev.vpatch.proxy.rules.RuleSources;
import dev.vpatch.proxy.testing.ProxyFixture;
import dev.vpatch.proxy.testing.TestUpstream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTP/2 clients (curl with nghttp2) through the proxy: h2c with prior knowledge and h2 over TLS
 * by ALPN, passing benign requests and blocking the guide's PoC like HTTP/1.1 does.
 */
class Http2Test {
  private static final String EXPORT =
      "/wordpress/wp-content/plugins/levelfourstorefront/scripts/administration/exportsubscribers.php";

  @TempDir Path dir;
  private ProxyFixture fixture;

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  private static boolean available(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /** Runs curl; returns "HTTP_VERSION STATUS\nBODY". */
  private static String curl(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("curl", "-s", "-k", "--max-time", "10", "-w", "\n%{http_version} %{http_code}"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(15, TimeUnit.SECONDS);
    return out;
  }

  private void start(boolean tls) throws Exception {
    assumeTrue(available("curl", "--version"), "curl is not installed");
    Path patch = Path.of(Http2Test.class.getResource("/owasp-guide/positive-patch.conf").toURI());
    RuleSetHolder rules = new RuleSetHolder(new RuleSources(null, List.of(patch), EngineMode.ON, null));
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    if (tls) {
      assumeTrue(available("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(),
          "-out", cert.toString(), "-days", "1", "-subj", "/CN=localhost"), "openssl cannot make a test certificate");
    }
    fixture = ProxyFixture.start(rules, c -> tls ? c.withTls(cert, key) : c, null);
  }

  @Test
  void h2cWithPriorKnowledgePassesBenignRequestsAndBlocksThePoc() throws Exception {
    start(false);
    String base = "http://127.0.0.1:" + fixture.port();
    assertThat(curl("--http2-prior-knowledge", base + EXPORT + "?reqID=42")).endsWith("\n2 200").contains("ok GET");
    TestUpstream.Received got = fixture.upstream.take();
    assertThat(got.uri()).isEqualTo(EXPORT + "?reqID=42");
    assertThat(got.header("Host")).containsExactly("127.0.0.1:" + fixture.port());
    assertThat(got.headers()).noneMatch(h -> h.getKey().toLowerCase().startsWith("x-http2-"));
    assertThat(curl("--http2-prior-knowledge", base + EXPORT + "?reqID=1'%20or%201='1")).endsWith("\n2 403");
    assertThat(fixture.upstream.poll(200)).isNull();
  }

  @Test
  void h2OverTlsNegotiatedByAlpnCarriesBodies() throws Exception {
    start(true);
    String base = "https://localhost:" + fixture.port();
    assertThat(curl("--http2", base + "/hello")).endsWith("\n2 200");
    assertThat(fixture.upstream.take().header("X-Forwarded-Proto")).containsExactly("https");
    assertThat(curl("--http2", "-d", "reqID=7&x=" + "y".repeat(100_000), base + EXPORT)).endsWith("\n2 200");
    assertThat(fixture.upstream.take().bodyText()).startsWith("reqID=7&x=yyy").hasSize(8 + 2 + 100_000);
    assertThat(curl("--http2", "-d", "reqID=1' or 1='1", base + EXPORT)).endsWith("\n2 403");
    assertThat(fixture.upstream.poll(200)).isNull();
  }

  @Test
  void http11OverTlsStillWorks() throws Exception {
    start(true);
    assertThat(curl("--http1.1", "https://localhost:" + fixture.port() + "/one")).endsWith("\n1.1 200").contains("ok GET /one");
  }
}
