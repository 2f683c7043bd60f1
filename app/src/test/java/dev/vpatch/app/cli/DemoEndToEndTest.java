package dev.vpatch.app.cli;

import static dev.vpatch.app.cli.CliRun.vpatch;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.app.demo.VulnerableStore;
import dev.vpatch.proxy.ProxyConfig;
import dev.vpatch.proxy.VpatchProxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guide's scenario end to end against the demo's vulnerable store and the real proxy: record,
 * generate the positive patch, test it, log-only (the PoC still gets through, the alert says would
 * have blocked), blocking (403), report, reassess (vulnerable, then fixed), retire.
 */
class DemoEndToEndTest {
  static final String POC = VulnerableStore.EXPORT_PATH + "?reqID=1'%20or%201='1";
  @TempDir Path dir;
  final HttpClient client = HttpClient.newHttpClient();

  private int get(String url) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private VpatchProxy proxy(int appPort, Path rules, Path alerts) throws Exception {
    ProxyConfig config = ProxyConfig.defaults(URI.create("http://127.0.0.1:" + appPort)).withListen("127.0.0.1", 0);
    return VpatchProxy.start(new VpatchProxy.Options(config, null, List.of(rules), null, alerts, null, null, false, 1));
  }

  private static void awaitLines(Path file, int lines) throws Exception {
    for (int i = 0; i < 100 && (!Files.exists(file) || Files.readAllLines(file).size() < lines); i++) {
      Thread.sleep(50);
    }
  }

  @Test
  void guideScenarioAgainstTheDemoApplication() throws Exception {
    Path db = dir.resolve("vpatch.db");
    Path rules = dir.resolve("patches.conf");
    try (VulnerableStore app = new VulnerableStore(0, false)) {
      String origin = "http://127.0.0.1:" + app.port();
      assertThat(vpatch(db, "vuln", "add", "--title", "SQL injection in exportsubscribers.php reqID", "--class", "sqli",
          "--path", VulnerableStore.EXPORT_PATH, "--param", "reqID", "--poc", "GET " + POC.replace("'", "%27"),
          "--expect-body", "bob@example.com").exit).isZero();
      assertThat(vpatch(db, "patch", "generate", "VP-" + java.time.Year.now(java.time.ZoneOffset.UTC) + "-0001",
          "--shape", "integer:1-99999").out).contains("generated patch 1 (positive");
      CliRun test = vpatch(db, "patch", "test", "1");
      assertThat(test.exit).as(test.toString()).isZero();

      vpatch(db, "patch", "deploy", "1", "--mode", "log-only", "--reason", "observe");
      vpatch(db, "patch", "export", "-o", rules.toString());
      Path logOnlyAlerts = dir.resolve("alerts-log-only.jsonl");
      try (VpatchProxy proxy = proxy(app.port(), rules, logOnlyAlerts)) {
        assertThat(get("http://127.0.0.1:" + proxy.server().port() + POC.replace("'", "%27"))).isEqualTo(200);
        awaitLines(logOnlyAlerts, 1);
      }
      assertThat(vpatch(db, "report", "import-alerts", logOnlyAlerts.toString()).out).contains("for vpatch patches");

      CliRun block = vpatch(db, "patch", "deploy", "1", "--mode", "blocking", "--reason", "no false positives");
      assertThat(block.exit).as(block.toString()).isZero();
      vpatch(db, "patch", "export", "-o", rules.toString());
      Path blockingAlerts = dir.resolve("alerts-blocking.jsonl");
      try (VpatchProxy proxy = proxy(app.port(), rules, blockingAlerts)) {
        assertThat(get("http://127.0.0.1:" + proxy.server().port() + POC.replace("'", "%27"))).isEqualTo(403);
        assertThat(get("http://127.0.0.1:" + proxy.server().port() + VulnerableStore.EXPORT_PATH + "?reqID=2")).isEqualTo(200);
        awaitLines(blockingAlerts, 1);
      }
      vpatch(db, "report", "import-alerts", blockingAlerts.toString());
      CliRun report = vpatch(db, "report");
      assertThat(report.out).containsPattern("patch 1 VP-\\d{4}-0001 \\[blocking\\] rules 10000000-10000003: \\d+ hits, "
          + "[1-9]\\d* blocked, [1-9]\\d* would have blocked");

      assertThat(vpatch(db, "patch", "reassess", "1", "--origin", origin).exit).isEqualTo(3);
    }
    try (VulnerableStore fixedApp = new VulnerableStore(0, true)) {
      CliRun reassess = vpatch(db, "patch", "reassess", "1", "--origin", "http://127.0.0.1:" + fixedApp.port());
      assertThat(reassess.exit).as(reassess.toString()).isZero();
    }
    assertThat(vpatch(db, "patch", "deploy", "1", "--mode", "retired", "--reason", "fixed").out).contains("retired");
  }
}
