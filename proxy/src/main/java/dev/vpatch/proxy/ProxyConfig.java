package dev.vpatch.proxy;

import dev.vpatch.proxy.routing.Route;
import dev.vpatch.proxy.routing.RouteTable;
import dev.vpatch.proxy.upstream.Upstream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything the proxy's data path needs, immutable. Limits bound every buffer the proxy holds on
 * behalf of a client; timeouts bound how long a slow peer can hold a connection.
 *
 * @param listenHost address to bind
 * @param listenPort port to bind (0 picks a free one)
 * @param upstream default upstream ({@code http://host:port} or {@code https://host:port}), or null when
 *     every request is routed by {@code routes}
 * @param engineMode proxy-wide engine mode
 * @param failClosed whether an engine error answers 500 (true) or lets the request pass
 * @param maxRequestLineBytes longest accepted request line (414 beyond)
 * @param maxHeaderBytes longest accepted request head, request line included (431 beyond)
 * @param maxHeaderCount most header fields accepted in one request
 * @param maxRequestBodyBytes hard cap on a request body, inspected or not (413 beyond)
 * @param maxBufferedBodyBytes hard cap on bytes buffered for inspection, whatever the rules ask
 * @param headerTimeout how long a client may take to send a request head, and keep-alive idle time
 * @param bodyTimeout longest pause between request body reads
 * @param connectTimeout upstream connect timeout
 * @param responseTimeout longest wait for the upstream's response head
 * @param upstreamIdleTimeout how long a pooled upstream connection may stay idle
 * @param maxUpstreamConnectionsPerThread pool size per event loop thread
 * @param tlsCertificate PEM certificate chain for TLS termination (h2 and http/1.1 by ALPN), or null
 * @param tlsKey PEM PKCS#8 private key for {@code tlsCertificate}, or null
 * @param routes route table (by Host and path prefix) consulted before the default upstream
 * @param upstreamCa PEM file of the CAs trusted for https upstreams, or null for the JDK trust store
 * @param upstreamInsecure accept any certificate from https upstreams (no verification at all)
 */
public record ProxyConfig(
    String listenHost,
    int listenPort,
    URI upstream,
    EngineMode engineMode,
    boolean failClosed,
    int maxRequestLineBytes,
    int maxHeaderBytes,
    int maxHeaderCount,
    long maxRequestBodyBytes,
    int maxBufferedBodyBytes,
    Duration headerTimeout,
    Duration bodyTimeout,
    Duration connectTimeout,
    Duration responseTimeout,
    Duration upstreamIdleTimeout,
    int maxUpstreamConnectionsPerThread,
    Path tlsCertificate,
    Path tlsKey,
    List<Route> routes,
    Path upstreamCa,
    boolean upstreamInsecure) {

  public ProxyConfig {
    routes = routes == null ? List.of() : List.copyOf(routes);
    if (upstream != null) {
      Upstream.of(upstream);
    } else if (routes.isEmpty()) {
      throw new IllegalArgumentException("no upstream: give --upstream (upstream:) or at least one route");
    }
    if ((tlsCertificate == null) != (tlsKey == null)) {
      throw new IllegalArgumentException("TLS needs both a certificate and a key");
    }
  }

  /** The configuration of a single upstream without routes or upstream TLS options. */
  public ProxyConfig(String listenHost, int listenPort, URI upstream, EngineMode engineMode, boolean failClosed,
      int maxRequestLineBytes, int maxHeaderBytes, int maxHeaderCount, long maxRequestBodyBytes, int maxBufferedBodyBytes,
      Duration headerTimeout, Duration bodyTimeout, Duration connectTimeout, Duration responseTimeout,
      Duration upstreamIdleTimeout, int maxUpstreamConnectionsPerThread, Path tlsCertificate, Path tlsKey) {
    this(listenHost, listenPort, upstream, engineMode, failClosed, maxRequestLineBytes, maxHeaderBytes, maxHeaderCount,
        maxRequestBodyBytes, maxBufferedBodyBytes, headerTimeout, bodyTimeout, connectTimeout, responseTimeout,
        upstreamIdleTimeout, maxUpstreamConnectionsPerThread, tlsCertificate, tlsKey, List.of(), null, false);
  }

  /** Defaults for everything but the upstream: listen on 127.0.0.1:8080, engine on, fail closed. */
  public static ProxyConfig defaults(URI upstream) {
    return new ProxyConfig(
        "127.0.0.1",
        8080,
        upstream,
        EngineMode.ON,
        true,
        8 * 1024,
        32 * 1024,
        200,
        1L << 30,
        64 * 1024 * 1024,
        Duration.ofSeconds(60),
        Duration.ofSeconds(60),
        Duration.ofSeconds(5),
        Duration.ofSeconds(60),
        Duration.ofSeconds(30),
        512,
        null,
        null);
  }

  public ProxyConfig withListen(String host, int port) {
    return new ProxyConfig(host, port, upstream, engineMode, failClosed, maxRequestLineBytes, maxHeaderBytes, maxHeaderCount,
        maxRequestBodyBytes, maxBufferedBodyBytes, headerTimeout, bodyTimeout, connectTimeout, responseTimeout,
        upstreamIdleTimeout, maxUpstreamConnectionsPerThread, tlsCertificate, tlsKey, routes, upstreamCa, upstreamInsecure);
  }

  public ProxyConfig withEngine(EngineMode mode, boolean closed) {
    return new ProxyConfig(listenHost, listenPort, upstream, mode, closed, maxRequestLineBytes, maxHeaderBytes, maxHeaderCount,
        maxRequestBodyBytes, maxBufferedBodyBytes, headerTimeout, bodyTimeout, connectTimeout, responseTimeout,
        upstreamIdleTimeout, maxUpstreamConnectionsPerThread, tlsCertificate, tlsKey, routes, upstreamCa, upstreamInsecure);
  }

  public ProxyConfig withTimeouts(Duration header, Duration body, Duration connect, Duration response) {
    return new ProxyConfig(listenHost, listenPort, upstream, engineMode, failClosed, maxRequestLineBytes, maxHeaderBytes,
        maxHeaderCount, maxRequestBodyBytes, maxBufferedBodyBytes, header, body, connect, response, upstreamIdleTimeout,
        maxUpstreamConnectionsPerThread, tlsCertificate, tlsKey, routes, upstreamCa, upstreamInsecure);
  }

  public ProxyConfig withTls(Path certificate, Path key) {
    return new ProxyConfig(listenHost, listenPort, upstream, engineMode, failClosed, maxRequestLineBytes, maxHeaderBytes,
        maxHeaderCount, maxRequestBodyBytes, maxBufferedBodyBytes, headerTimeout, bodyTimeout, connectTimeout,
        responseTimeout, upstreamIdleTimeout, maxUpstreamConnectionsPerThread, certificate, key, routes, upstreamCa, upstreamInsecure);
  }

  public ProxyConfig withRoutes(List<Route> table) {
    return new ProxyConfig(listenHost, listenPort, upstream, engineMode, failClosed, maxRequestLineBytes, maxHeaderBytes,
        maxHeaderCount, maxRequestBodyBytes, maxBufferedBodyBytes, headerTimeout, bodyTimeout, connectTimeout,
        responseTimeout, upstreamIdleTimeout, maxUpstreamConnectionsPerThread, tlsCertificate, tlsKey, table, upstreamCa,
        upstreamInsecure);
  }

  public ProxyConfig withUpstreamTls(Path ca, boolean insecure) {
    return new ProxyConfig(listenHost, listenPort, upstream, engineMode, failClosed, maxRequestLineBytes, maxHeaderBytes,
        maxHeaderCount, maxRequestBodyBytes, maxBufferedBodyBytes, headerTimeout, bodyTimeout, connectTimeout,
        responseTimeout, upstreamIdleTimeout, maxUpstreamConnectionsPerThread, tlsCertificate, tlsKey, routes, ca, insecure);
  }

  /**
   * This configuration with what a running server cannot change (listen address, TLS files,
   * upstream trust, connect timeout and pool limits) taken from {@code running}.
   */
  public ProxyConfig withStartupSettingsOf(ProxyConfig running) {
    return new ProxyConfig(running.listenHost, running.listenPort, upstream, engineMode, failClosed, maxRequestLineBytes,
        maxHeaderBytes, maxHeaderCount, maxRequestBodyBytes, maxBufferedBodyBytes, headerTimeout, bodyTimeout,
        running.connectTimeout, responseTimeout, running.upstreamIdleTimeout, running.maxUpstreamConnectionsPerThread,
        running.tlsCertificate, running.tlsKey, routes, running.upstreamCa, running.upstreamInsecure);
  }

  /** The route table this configuration describes. */
  public RouteTable routeTable() {
    return new RouteTable(routes, upstream == null ? null : Upstream.of(upstream));
  }
}
