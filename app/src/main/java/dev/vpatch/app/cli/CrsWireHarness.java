package dev.vpatch.app.cli;

import dev.vpatch.engine.RuleSet;
import dev.vpatch.ftw.backend.TestBackendServer;
import dev.vpatch.ftw.wire.LogFileAlertSource;
import dev.vpatch.ftw.wire.WireTarget;
import dev.vpatch.proxy.ProxyConfig;
import dev.vpatch.proxy.ProxyServer;
import dev.vpatch.proxy.observe.AlertStream;
import dev.vpatch.proxy.observe.JsonLinesFile;
import dev.vpatch.proxy.observe.ProxyMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The loopback setup of {@code vpatch ftw --wire}: the albedo-compatible test backend, a vpatch
 * proxy in front of it running the given rule set (no admin endpoint, no reload), and the proxy's
 * alert stream in a temporary file the wire client reads rule ids from. Closing stops both servers
 * and deletes the file.
 */
final class CrsWireHarness implements AutoCloseable {
  private static final String LOOPBACK = "127.0.0.1";
  /**
   * The proxy writes a transaction's alerts before the last byte of its response; the short settle
   * only guards against a stray late line (a client that went away mid-request).
   */
  private static final long ALERT_SETTLE_MILLIS = 10;

  private final TestBackendServer backend;
  private final JsonLinesFile alertFile;
  private final ProxyServer proxy;

  private CrsWireHarness(RuleSet rules, Duration clientTimeout) throws IOException, InterruptedException {
    backend = TestBackendServer.start(new InetSocketAddress(LOOPBACK, 0), 64);
    JsonLinesFile alerts = null;
    try {
      alerts = new JsonLinesFile(Files.createTempFile("vpatch-ftw-wire-", ".alerts.jsonl"));
      URI upstream = URI.create("http://" + LOOPBACK + ":" + backend.address().getPort());
      // The proxy gives up on a stalled request before the client does, so a request whose body
      // never arrives is logged while its own test still waits, not during the next one.
      Duration stall = clientTimeout.dividedBy(2);
      ProxyConfig config = ProxyConfig.defaults(upstream).withListen(LOOPBACK, 0)
          .withTimeouts(stall, stall, Duration.ofSeconds(5), clientTimeout);
      proxy = ProxyServer.start(config, () -> rules, ProxyMetrics.unregistered(), new AlertStream(alerts), 1);
      alertFile = alerts;
    } catch (IOException | InterruptedException | RuntimeException e) {
      closeQuietly(alerts);
      backend.close();
      throw e;
    }
  }

  static CrsWireHarness start(RuleSet rules, Duration clientTimeout) throws IOException, InterruptedException {
    return new CrsWireHarness(rules, clientTimeout);
  }

  /** A client that sends every stage to the proxy and reads rule ids from its alert stream. */
  WireTarget target(Duration timeout) {
    return new WireTarget(LOOPBACK, proxy.port(), new LogFileAlertSource(alertFile.path(), ALERT_SETTLE_MILLIS), timeout);
  }

  int proxyPort() {
    return proxy.port();
  }

  @Override
  public void close() throws IOException {
    try {
      proxy.close();
    } finally {
      try {
        backend.close();
      } finally {
        alertFile.close();
        Files.deleteIfExists(alertFile.path());
      }
    }
  }

  private static void closeQuietly(JsonLinesFile file) {
    if (file == null) {
      return;
    }
    try {
      file.close();
      Files.deleteIfExists(file.path());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
