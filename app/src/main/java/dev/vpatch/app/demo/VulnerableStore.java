package dev.vpatch.app.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;

/**
 * A deliberately vulnerable copy of the OWASP virtual patching guide's scenario: the WordPress
 * plugin "levelfourstorefront" exports newsletter subscribers by {@code reqID}, building its SQL by
 * string concatenation. {@code reqID=1' or 1='1} dumps every subscriber. With {@code fixed} the
 * same endpoint uses a prepared statement, the real fix a virtual patch stands in for.
 * Loopback only: this is an exploitable application.
 */
public final class VulnerableStore implements AutoCloseable {
  public static final String EXPORT_PATH =
      "/wordpress/wp-content/plugins/levelfourstorefront/scripts/administration/exportsubscribers.php";

  private static final String[][] SUBSCRIBERS = {
    {"1", "Alice Martin", "alice@example.com"},
    {"2", "Bob Nguyen", "bob@example.com"},
    {"3", "Carol Schmidt", "carol@example.com"},
    {"4", "Dan Okafor", "dan@example.com"},
    {"5", "Eve Rossi", "eve@example.com"},
  };

  private final boolean fixed;
  private final Connection db;
  private final HttpServer server;

  public VulnerableStore(int port, boolean fixed) throws IOException, SQLException {
    this.fixed = fixed;
    this.db = DriverManager.getConnection("jdbc:sqlite::memory:");
    try (Statement create = db.createStatement()) {
      create.executeUpdate("CREATE TABLE subscribers (id TEXT PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL)");
    }
    try (PreparedStatement insert = db.prepareStatement("INSERT INTO subscribers VALUES (?, ?, ?)")) {
      for (String[] row : SUBSCRIBERS) {
        insert.setString(1, row[0]);
        insert.setString(2, row[1]);
        insert.setString(3, row[2]);
        insert.executeUpdate();
      }
    }
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "vpatch-demo-app");
      t.setDaemon(true);
      return t;
    }));
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestURI().getRawPath().equals(EXPORT_PATH)) {
        send(exchange, 200, "text/html; charset=utf-8",
            "<html><body><h1>Level Four Storefront</h1><p>Try " + EXPORT_PATH + "?reqID=1</p></body></html>\n");
        return;
      }
      String reqId = parameter(exchange.getRequestURI().getRawQuery());
      if (reqId == null && exchange.getRequestMethod().equals("POST")) {
        reqId = parameter(new String(exchange.getRequestBody().readNBytes(64 * 1024), StandardCharsets.ISO_8859_1));
      }
      if (reqId == null) {
        send(exchange, 400, "text/plain", "missing reqID\n");
        return;
      }
      send(exchange, 200, "text/csv; charset=utf-8", export(reqId));
    } catch (SQLException e) {
      // Like the original plugin, the error leaks to the client: part of what makes it exploitable.
      send(exchange, 500, "text/plain; charset=utf-8", "database error: " + e.getMessage() + "\n");
    }
  }

  /** The first {@code reqID} of a query or form string, decoded as PHP would, or null. */
  private static String parameter(String query) {
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      if (URLDecoder.decode(name, StandardCharsets.UTF_8).equals("reqID")) {
        return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private synchronized String export(String reqId) throws SQLException {
    StringBuilder csv = new StringBuilder("id,name,email\n");
    if (fixed) {
      try (PreparedStatement query = db.prepareStatement("SELECT id, name, email FROM subscribers WHERE id = ?")) {
        query.setString(1, reqId);
        appendRows(query.executeQuery(), csv);
      }
    } else {
      try (Statement query = db.createStatement()) {
        // The vulnerability, on purpose: user input concatenated into SQL. (Written value-first so
        // that the guide's MySQL-style PoC "1' or 1='1" is a tautology in SQLite's typing too.)
        appendRows(query.executeQuery("SELECT id, name, email FROM subscribers WHERE '" + reqId + "' = id ORDER BY id"), csv);
      }
    }
    return csv.toString();
  }

  private static void appendRows(ResultSet rows, StringBuilder csv) throws SQLException {
    try (rows) {
      while (rows.next()) {
        csv.append(rows.getString(1)).append(',').append(rows.getString(2)).append(',').append(rows.getString(3)).append('\n');
      }
    }
  }

  private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() throws SQLException {
    server.stop(0);
    db.close();
  }
}
