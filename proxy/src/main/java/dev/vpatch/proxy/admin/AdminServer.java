package dev.vpatch.proxy.admin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.vpatch.proxy.rules.RuleSetHolder;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * The operator's endpoint: {@code /health}, {@code /ready}, {@code /metrics} (Prometheus) and
 * {@code POST /reload}. Every path needs {@code Authorization: Bearer <token>}; bind it to loopback
 * unless a firewall protects it.
 */
public final class AdminServer implements AutoCloseable {
  private static final JsonFactory JSON = new JsonFactory();

  private final HttpServer server;
  private final byte[] token;
  private final RuleSetHolder rules;
  private final java.util.function.Supplier<RuleSetHolder.Outcome> reloader;
  private final PrometheusMeterRegistry registry;
  private final BooleanSupplier ready;

  /**
   * @param rules null when the engine is off (then /reload answers 409)
   * @param ready whether the proxy listens and serves
   */
  public AdminServer(InetSocketAddress address, String token, RuleSetHolder rules, PrometheusMeterRegistry registry,
      BooleanSupplier ready) throws IOException {
    this(address, token, rules, rules == null ? null : rules::reload, registry, ready);
  }

  /**
   * @param reloader what POST /reload runs (e.g. re-reading the config file, then the rules); null
   *     when the engine is off
   */
  public AdminServer(InetSocketAddress address, String token, RuleSetHolder rules,
      java.util.function.Supplier<RuleSetHolder.Outcome> reloader, PrometheusMeterRegistry registry,
      BooleanSupplier ready) throws IOException {
    if (token == null || token.isEmpty()) {
      throw new IllegalArgumentException("the admin server needs a token");
    }
    this.token = token.getBytes(StandardCharsets.UTF_8);
    this.rules = rules;
    this.reloader = reloader;
    this.registry = registry;
    this.ready = ready;
    this.server = HttpServer.create(address, 16);
    server.createContext("/health", guarded(exchange -> send(exchange, 200, "text/plain", "ok\n")));
    server.createContext("/ready", guarded(exchange -> {
      boolean up = ready.getAsBoolean() && (rules == null || rules.get() != null);
      send(exchange, up ? 200 : 503, "text/plain", up ? "ready\n" : "not ready\n");
    }));
    server.createContext("/metrics", guarded(exchange ->
        send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape())));
    server.createContext("/reload", guarded(this::reload));
    server.setExecutor(Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "vpatch-admin");
      t.setDaemon(true);
      return t;
    }));
    server.start();
  }

  /** Serves more endpoints under {@code path} behind the same bearer token (e.g. the lifecycle API). */
  public void mount(String path, HttpHandler handler) {
    server.createContext(path, guarded(handler));
  }

  public InetSocketAddress address() {
    return server.getAddress();
  }

  private void reload(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestMethod().equals("POST")) {
      exchange.getResponseHeaders().set("Allow", "POST");
      send(exchange, 405, "text/plain", "use POST\n");
      return;
    }
    if (reloader == null) {
      send(exchange, 409, "text/plain", "the engine is off: no rules to reload\n");
      return;
    }
    RuleSetHolder.Outcome outcome = reloader.get();
    StringWriter out = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeBooleanField("loaded", outcome.loaded());
      json.writeNumberField("rules", outcome.ruleCount());
      if (outcome.error() != null) {
        json.writeStringField("error", outcome.error());
      }
      json.writeEndObject();
    }
    send(exchange, outcome.loaded() ? 200 : 422, "application/json", out + "\n");
  }

  private HttpHandler guarded(HttpHandler handler) {
    return exchange -> {
      try (exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        byte[] presented = authorization != null && authorization.startsWith("Bearer ")
            ? authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!MessageDigest.isEqual(presented, token)) {
          exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
          send(exchange, 401, "text/plain", "unauthorized\n");
          return;
        }
        handler.handle(exchange);
      }
    };
  }

  private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
