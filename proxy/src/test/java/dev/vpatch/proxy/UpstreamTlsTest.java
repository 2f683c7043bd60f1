package dev.vpatch.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vpatch.proxy.observe.ProxyMetrics;
import dev.vpatch.proxy.routing.Route;
import dev.vpatch.proxy.testing.RawHttp;
import dev.vpatch.proxy.testing.TestUpstream;
import io.netty.handler.ssl.SslContextBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * https upstreams: a real TLS backend on loopback with a self-signed certificate made by openssl
 * for the test (as Http2Test does for TLS termination).
 */
class UpstreamTlsTest {
  @TempDir Path dir;
  private TestUpstream backend;
  private ProxyServer proxy;

  @AfterEach
  void stop() {
    if (proxy != null) proxy.close();
    if (backend != null) backend.close();
  }

  /** A self-signed certificate valid for the given subjectAltName; returns the certificate file (key next to it). */
  private Path certificate(String name, String subjectAltName) throws Exception {
    Path cert = dir.resolve(name + ".pem");
    Path key = dir.resolve(name + ".key");
    try {
      Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(),
          "-out", cert.toString(), "-days", "1", "-subj", "/CN=" + name, "-addext", "subjectAltName=" + subjectAltName)
          .redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      assumeTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "openssl cannot make a test certificate");
    } catch (java.io.IOException e) {
      assumeTrue(false, "openssl is not installed");
    }
    return cert;
  }

  private void start(Path serverCert, Path trusted, boolean insecure) throws Exception {
    Path key = dir.resolve(serverCert.getFileName().toString().replace(".pem", ".key"));
    backend = new TestUpstream(SslContextBuilder.forServer(serverCert.toFile(), key.toFile()).build());
    ProxyConfig config = ProxyConfig.defaults(backend.uri()).withListen("127.0.0.1", 0).withEngine(EngineMode.OFF, true)
        .withUpstreamTls(trusted, insecure);
    proxy = ProxyServer.start(config, () -> null, ProxyMetrics.unregistered(), null, 1);
  }

  private RawHttp.Response get(RawHttp client, String path) throws Exception {
    client.send("GET " + path + " HTTP/1.1\r\nHost: app.test\r\n\r\n");
    return client.read();
  }

  @Test
  void aCertificateFromTheGivenCaForTheUpstreamHostIsAcceptedAndConnectionsAreReused() throws Exception {
    Path cert = certificate("backend", "IP:127.0.0.1,DNS:localhost");
    start(cert, cert, false);
    assertThat(backend.uri().getScheme()).isEqualTo("https");
    try (RawHttp client = new RawHttp(proxy.port())) {
      assertThat(get(client, "/one").bodyText()).isEqualTo("ok GET /one");
      assertThat(get(client, "/two").bodyText()).isEqualTo("ok GET /two");
    }
    assertThat(backend.take().header("Host")).containsExactly("app.test");
    assertThat(backend.connections()).isEqualTo(1);
  }

  @Test
  void anUntrustedCertificateIsRefusedWith502() throws Exception {
    Path cert = certificate("backend", "IP:127.0.0.1");
    start(cert, null, false);
    try (RawHttp client = new RawHttp(proxy.port())) {
      assertThat(get(client, "/x").status()).isEqualTo(502);
    }
    assertThat(backend.poll(200)).isNull();
  }

  @Test
  void aTrustedCertificateForAnotherHostIsRefusedWith502() throws Exception {
    Path cert = certificate("backend", "DNS:elsewhere.test");
    start(cert, cert, false);
    try (RawHttp client = new RawHttp(proxy.port())) {
      assertThat(get(client, "/x").status()).isEqualTo(502);
    }
    assertThat(backend.poll(200)).isNull();
  }

  @Test
  void insecureModeAcceptsAnyCertificate() throws Exception {
    Path cert = certificate("backend", "DNS:elsewhere.test");
    start(cert, null, true);
    try (RawHttp client = new RawHttp(proxy.port())) {
      assertThat(get(client, "/x").status()).isEqualTo(200);
    }
  }

  @Test
  void routesCanMixHttpAndHttpsUpstreams() throws Exception {
    Path cert = certificate("backend", "IP:127.0.0.1");
    try (TestUpstream plain = new TestUpstream()) {
      start(cert, cert, false);
      proxy.update(proxy.config().withRoutes(List.of(Route.of(null, "/plain", plain.uri().toString(), false))));
      try (RawHttp client = new RawHttp(proxy.port())) {
        assertThat(get(client, "/plain/a").bodyText()).isEqualTo("ok GET /plain/a");
        assertThat(get(client, "/secure").bodyText()).isEqualTo("ok GET /secure");
      }
      assertThat(plain.take().uri()).isEqualTo("/plain/a");
      assertThat(backend.take().uri()).isEqualTo("/secure");
    }
  }

  @Test
  void anUnusableCaFileStopsTheStartWithTheReason() throws Exception {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new dev.vpatch.proxy.upstream.UpstreamTls(dir.resolve("missing.pem"), false))
        .hasMessageContaining("upstream-ca: cannot read").hasMessageContaining("missing.pem");
    Path garbage = dir.resolve("garbage.pem");
    java.nio.file.Files.writeString(garbage, "not a certificate\n");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new dev.vpatch.proxy.upstream.UpstreamTls(garbage, false))
        .hasMessageContaining("upstream-ca: cannot use").hasMessageContaining("garbage.pem");
  }
}
