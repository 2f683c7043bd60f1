package dev.vpatch.app.demo;

import dev.vpatch.proxy.ProxyConfig;
import dev.vpatch.proxy.VpatchProxy;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

/** The vulnerable store with vpatch and the OWASP guide's positive patch in front of it, on loopback. */
public final class DemoScenario implements AutoCloseable {
  public static final String POC_QUERY = "reqID=1'%20or%201='1";

  private final Path workDir;
  private final VulnerableStore app;
  private final VpatchProxy proxy;

  public DemoScenario(int proxyPort, int appPort, boolean fixed) throws IOException, SQLException, InterruptedException {
    workDir = Files.createTempDirectory("vpatch-demo");
    Path patch = workDir.resolve("owasp-guide-positive-patch.conf");
    try (InputStream in = DemoScenario.class.getResourceAsStream("owasp-guide-positive-patch.conf")) {
      Files.copy(in, patch, StandardCopyOption.REPLACE_EXISTING);
    }
    app = new VulnerableStore(appPort, fixed);
    try {
      ProxyConfig config = ProxyConfig.defaults(URI.create("http://127.0.0.1:" + app.port())).withListen("127.0.0.1", proxyPort);
      proxy = VpatchProxy.start(new VpatchProxy.Options(config, null, List.of(patch), null,
          workDir.resolve("alerts.jsonl"), null, null, true, 2));
    } catch (IOException | InterruptedException | RuntimeException e) {
      app.close();
      deleteWorkDir();
      throw e;
    }
  }

  public String directUrl(String query) {
    return "http://127.0.0.1:" + app.port() + VulnerableStore.EXPORT_PATH + "?" + query;
  }

  public String proxiedUrl(String query) {
    return "http://127.0.0.1:" + proxy.server().port() + VulnerableStore.EXPORT_PATH + "?" + query;
  }

  public Path patchFile() {
    return workDir.resolve("owasp-guide-positive-patch.conf");
  }

  public Path alertLog() {
    return workDir.resolve("alerts.jsonl");
  }

  public void printInstructions(PrintStream out) {
    out.println("vpatch demo: a deliberately vulnerable store (OWASP virtual patching guide scenario) and vpatch in front of it.");
    out.println();
    out.println("  vulnerable app (direct):  http://127.0.0.1:" + app.port());
    out.println("  through vpatch:           http://127.0.0.1:" + proxy.server().port());
    out.println("  virtual patch (edit it, vpatch reloads it): " + patchFile());
    out.println("  alerts (JSON lines):      " + alertLog());
    out.println();
    out.println("A normal request, directly and through vpatch (one subscriber each):");
    out.println("  curl -s '" + directUrl("reqID=1") + "'");
    out.println("  curl -s '" + proxiedUrl("reqID=1") + "'");
    out.println("The SQL injection PoC sent directly leaks every subscriber:");
    out.println("  curl -s \"" + directUrl(POC_QUERY) + "\"");
    out.println("The same PoC through vpatch is refused with 403:");
    out.println("  curl -s -o /dev/null -w '%{http_code}\\n' \"" + proxiedUrl(POC_QUERY) + "\"");
    out.println();
  }

  /** Sends the PoC directly and through vpatch and prints what happened; true when the patch held. */
  public boolean check(PrintStream out) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> direct = http.send(HttpRequest.newBuilder(URI.create(directUrl(POC_QUERY))).build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> proxied = http.send(HttpRequest.newBuilder(URI.create(proxiedUrl(POC_QUERY))).build(),
        HttpResponse.BodyHandlers.ofString());
    long leaked = direct.body().lines().count() - 1;
    out.println("PoC directly:     HTTP " + direct.statusCode() + ", " + leaked + " subscriber row(s) returned");
    out.println("PoC through vpatch: HTTP " + proxied.statusCode());
    return proxied.statusCode() == 403;
  }

  /** The working folder (the patch copy, the alert stream), removed by {@link #close}. */
  public Path workDir() {
    return workDir;
  }

  @Override
  public void close() throws SQLException, IOException {
    try {
      proxy.close();
      app.close();
    } finally {
      deleteWorkDir();
    }
  }

  /** The patch copy and the alert stream last as long as the demo: a temporary folder per run piled up. */
  private void deleteWorkDir() throws IOException {
    try (Stream<Path> files = Files.list(workDir)) {
      for (Path file : files.toList()) Files.deleteIfExists(file);
    }
    Files.deleteIfExists(workDir);
  }
}
