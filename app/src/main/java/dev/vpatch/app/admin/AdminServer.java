package dev.vpatch.app.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vpatch.patches.PatchService;
import dev.vpatch.patches.PatchStateException;
import dev.vpatch.patches.alerts.AlertImport;
import dev.vpatch.patches.alerts.AlertStreamReader;
import dev.vpatch.patches.generator.GenerateOptions;
import dev.vpatch.patches.generator.InputShapes;
import dev.vpatch.patches.importers.ImportResult;
import dev.vpatch.patches.importers.ReportFormat;
import dev.vpatch.patches.importers.ReportFormatException;
import dev.vpatch.patches.importers.ReportImporter;
import dev.vpatch.patches.reports.ReportBuilder;
import dev.vpatch.patches.reports.ReportRenderer;
import dev.vpatch.patches.verify.PatchTestRun;
import dev.vpatch.patches.verify.PatchTester;
import dev.vpatch.store.Store;
import dev.vpatch.store.StoreException;
import dev.vpatch.store.StoreSession;
import dev.vpatch.store.model.Patch;
import dev.vpatch.store.model.PatchMode;
import dev.vpatch.store.model.Vulnerability;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The admin REST API: everything the lifecycle commands do, as JSON over HTTP, behind a bearer
 * token (compared in constant time). Listens on loopback unless told otherwise. Request bodies are
 * capped at {@value #MAX_BODY} bytes.
 */
public final class AdminServer implements AutoCloseable {
  static final int MAX_BODY = 16 << 20;
  private static final Pattern VULN = Pattern.compile("/api/vulnerabilities/([A-Za-z0-9-]+)");
  private static final Pattern PATCH = Pattern.compile("/api/patches/([0-9]+)(?:/(test|deploy|reassess))?");

  private final HttpServer server;
  private final Store store;
  private final PatchService patches;
  private final byte[] token;

  public AdminServer(Store store, PatchService patches, String host, int port, String token) throws IOException {
    this(store, patches, token, HttpServer.create(new InetSocketAddress(host, port), 0));
  }

  /** The API without a server of its own, to mount with {@link #handler()} on another one (the proxy's admin port). */
  public static AdminServer unbound(Store store, PatchService patches, String token) {
    return new AdminServer(store, patches, token, null);
  }

  private AdminServer(Store store, PatchService patches, String token, HttpServer server) {
    if (token == null || token.length() < 16) {
      throw new IllegalArgumentException("the admin API needs a token of at least 16 characters (--token or VPATCH_ADMIN_TOKEN)");
    }
    this.store = store;
    this.patches = patches;
    this.token = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    this.server = server;
    if (server == null) return;
    server.setExecutor(Executors.newFixedThreadPool(4, r -> {
      Thread thread = new Thread(r, "vpatch-admin");
      thread.setDaemon(true);
      return thread;
    }));
    server.createContext("/api/", this::handle);
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The API's handler, for {@code /api/}. */
  public com.sun.net.httpserver.HttpHandler handler() {
    return this::handle;
  }

  @Override
  public void close() {
    if (server != null) server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      if (auth == null || !MessageDigest.isEqual(auth.getBytes(StandardCharsets.UTF_8), token)) {
        send(exchange, 401, error("missing or wrong bearer token"));
        return;
      }
      try {
        route(exchange);
      } catch (IllegalArgumentException | ReportFormatException e) {
        send(exchange, e.getMessage() != null && e.getMessage().startsWith("no ") ? 404 : 400, error(e.getMessage()));
      } catch (PatchStateException e) {
        send(exchange, 409, error(e.getMessage()));
      } catch (StoreException | IllegalStateException e) {
        send(exchange, 500, error(e.getMessage()));
      }
    }
  }

  private void route(HttpExchange exchange) throws IOException, ReportFormatException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
    Matcher vuln = VULN.matcher(path);
    Matcher patch = PATCH.matcher(path);
    if (path.equals("/api/vulnerabilities") && method.equals("GET")) {
      ArrayNode list = JsonViews.MAPPER.createArrayNode();
      store.inTransaction((StoreSession s) -> s.vulnerabilities().list()).forEach(v -> list.add(JsonViews.vulnerability(v)));
      send(exchange, 200, list);
    } else if (vuln.matches() && method.equals("GET")) {
      Vulnerability v = store.inTransaction((StoreSession s) -> s.vulnerabilities().find(vuln.group(1)))
          .orElseThrow(() -> new IllegalArgumentException("no vulnerability " + vuln.group(1)));
      send(exchange, 200, JsonViews.vulnerability(v));
    } else if (path.equals("/api/imports") && method.equals("POST")) {
      ImportResult result = new ReportImporter(store, patches::draftFor).importReport(body(exchange),
          query.getOrDefault("name", "upload"), query.containsKey("format") ? ReportFormat.parse(query.get("format")) : null);
      ObjectNode json = JsonViews.MAPPER.createObjectNode().put("findings", result.findings());
      result.vulnerabilities().forEach(v -> json.withArray("vulnerabilities").add(JsonViews.vulnerability(v)));
      result.draftPatches().forEach(p -> json.withArray("draft_patches").add(JsonViews.patch(p, null)));
      result.skipped().forEach(s -> json.withArray("skipped").addObject().put("tool", s.tool()).put("rule_id", s.ruleId())
          .put("name", s.name()).put("count", s.count()).put("reason", s.reason()));
      send(exchange, 201, json);
    } else if (path.equals("/api/patches") && method.equals("GET")) {
      ArrayNode list = JsonViews.MAPPER.createArrayNode();
      store.inTransaction((StoreSession s) -> s.patches().list()).forEach(p -> list.add(JsonViews.patch(p, null)));
      send(exchange, 200, list);
    } else if (path.equals("/api/patches") && method.equals("POST")) {
      JsonNode request = json(exchange);
      List<String> samples = new ArrayList<>();
      request.path("samples").forEach(s -> samples.add(s.asText()));
      String shape = text(request, "shape");
      Patch created = patches.generate(required(request, "vulnerability_id"), new GenerateOptions(
          shape == null ? null : InputShapes.parse(shape), samples, request.path("negative").asBoolean(false),
          request.path("optional").asBoolean(false)), actor(request));
      send(exchange, 201, JsonViews.patch(created, patches.history(created.id())));
    } else if (path.equals("/api/patches/export") && method.equals("GET")) {
      sendText(exchange, 200, "text/plain; charset=iso-8859-1", patches.export().getBytes(StandardCharsets.ISO_8859_1));
    } else if (patch.matches()) {
      patchAction(exchange, method, Long.parseLong(patch.group(1)), patch.group(2));
    } else if (path.equals("/api/alerts") && method.equals("POST")) {
      AlertImport result = new AlertStreamReader(store).read(new StringReader(new String(body(exchange),
          StandardCharsets.UTF_8)), "request");
      send(exchange, 201, JsonViews.MAPPER.createObjectNode().put("stored", result.stored())
          .put("duplicates", result.duplicates()).put("linked_to_patches", result.linkedToPatches()));
    } else if (path.equals("/api/report") && method.equals("GET")) {
      String format = query.getOrDefault("format", "json");
      String text = ReportRenderer.render(ReportBuilder.build(store, Instant.now()), format);
      String type = format.equals("html") ? "text/html" : format.equals("json") ? "application/json" : "text/plain";
      sendText(exchange, 200, type + "; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    } else {
      send(exchange, 404, error("no such endpoint: " + method + " " + path));
    }
  }

  private void patchAction(HttpExchange exchange, String method, long id, String action) throws IOException {
    if (action == null && method.equals("GET")) {
      send(exchange, 200, JsonViews.patch(patches.find(id), patches.history(id)));
    } else if ("test".equals(action) && method.equals("POST")) {
      PatchTestRun run = PatchTester.run(patches.find(id), null);
      Patch updated = patches.recordTestOutcome(id, run.outcome());
      ObjectNode json = JsonViews.patch(updated, null);
      run.failures().forEach(json.putArray("failures")::add);
      send(exchange, 200, json);
    } else if ("deploy".equals(action) && method.equals("POST")) {
      JsonNode request = json(exchange);
      Patch updated = patches.deploy(id, PatchMode.parse(required(request, "mode")), actor(request),
          request.path("reason").asText(""));
      send(exchange, 200, JsonViews.patch(updated, patches.history(id)));
    } else if ("reassess".equals(action) && method.equals("POST")) {
      dev.vpatch.patches.verify.Reassessment result;
      try {
        result = patches.reassess(id, required(json(exchange), "origin"));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted");
      }
      ObjectNode json = JsonViews.MAPPER.createObjectNode().put("reproduces", result.reproduces());
      result.details().forEach(json.putArray("details")::add);
      send(exchange, 200, json);
    } else {
      send(exchange, 404, error("no such endpoint: " + method + " " + exchange.getRequestURI().getPath()));
    }
  }

  private static String actor(JsonNode request) {
    String actor = text(request, "actor");
    return actor == null ? "api" : actor;
  }

  private static String required(JsonNode request, String field) {
    String value = text(request, field);
    if (value == null) {
      throw new IllegalArgumentException("field '" + field + "' is required");
    }
    return value;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static JsonNode json(HttpExchange exchange) throws IOException {
    byte[] body = body(exchange);
    try {
      JsonNode node = JsonViews.MAPPER.readTree(body);
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException("the request body must be a JSON object");
      }
      return node;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("the request body is not JSON: " + e.getOriginalMessage());
    }
  }

  private static byte[] body(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(MAX_BODY + 1);
      if (body.length > MAX_BODY) {
        throw new IllegalArgumentException("request body larger than " + MAX_BODY + " bytes");
      }
      return body;
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> result = new HashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int equals = pair.indexOf('=');
        if (equals > 0) {
          result.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return result;
  }

  private static ObjectNode error(String message) {
    return JsonViews.MAPPER.createObjectNode().put("error", message);
  }

  private static void send(HttpExchange exchange, int status, JsonNode json) throws IOException {
    sendText(exchange, status, "application/json", JsonViews.MAPPER.writeValueAsBytes(json));
  }

  private static void sendText(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      exchange.getResponseBody().write(body);
    }
  }
}
