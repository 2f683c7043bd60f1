package dev.vpatch.app.cli;

import static dev.vpatch.app.cli.CliRun.vpatch;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OWASP virtual patching guide's reqID scenario through the CLI: record, positive patch,
 * tests with evasions, log-only with "would have blocked" alerts, blocking, report, reassess
 * against an origin that is first vulnerable and then fixed, retire.
 */
class GuideScenarioCliTest {
  @TempDir Path dir;
  HttpServer origin;
  final AtomicBoolean fixed = new AtomicBoolean(false);

  @BeforeEach
  void startOrigin() throws Exception {
    origin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    origin.createContext("/app/view.php", exchange -> {
      String query = exchange.getRequestURI().getRawQuery();
      boolean injected = query != null && query.contains("%27") && !fixed.get();
      byte[] body = (injected ? "You have an error in your SQL syntax near ''1''" : "record 1").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(injected ? 500 : 200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    origin.start();
  }

  @AfterEach
  void stopOrigin() {
    origin.stop(0);
  }

  @Test
  void fromVulnerabilityToRetiredPatch() throws Exception {
    Path db = dir.resolve("vpatch.db");
    String originUrl = "http://127.0.0.1:" + origin.getAddress().getPort();
    assertThat(vpatch(db, "vuln", "add", "--title", "SQL injection in reqID", "--class", "sqli", "--path",
        "/app/view.php", "--param", "reqID", "--poc", "GET /app/view.php?reqID=1%27", "--expect-status", "500",
        "--expect-body", "SQL syntax", "--discovered", "2026-03-01T10:00:00Z").out).contains("created VP-2026-0001");
    assertThat(vpatch(db, "patch", "generate", "VP-2026-0001", "--shape", "integer:1-99999").out)
        .contains("generated patch 1 (positive");

    CliRun test = vpatch(db, "patch", "test", "1");
    assertThat(test.exit).as(test.toString()).isZero();
    assertThat(test.out).containsPattern("patch 1: \\d+ passed, 0 failed");

    assertThat(vpatch(db, "patch", "deploy", "1", "--mode", "log-only", "--reason", "observe").exit).isZero();
    Path alerts = dir.resolve("alerts.jsonl");
    Files.writeString(alerts, """
        {"time":"2026-03-02T09:00:00Z","transaction_id":"t1","client":"203.0.113.7","method":"GET","uri":"/app/view.php?reqID=1'","rule_id":10000001,"msg":"vpatch VP-2026-0001","variable":"ARGS:reqID","data":"1'","action":"would have blocked"}
        {"time":"2026-03-02T09:05:00Z","transaction_id":"t2","client":"203.0.113.7","method":"GET","uri":"/app/view.php?reqID=2'","rule_id":10000001,"msg":"vpatch VP-2026-0001","variable":"ARGS:reqID","data":"2'","action":"would have blocked"}
        {"time":"2026-03-02T09:06:00Z","transaction_id":"t3","client":"198.51.100.1","method":"GET","uri":"/x?a=<script>","rule_id":941100,"action":"blocked"}
        """);
    assertThat(vpatch(db, "report", "import-alerts", alerts.toString()).out)
        .contains("3 alerts stored (2 for vpatch patches), 0 already known");

    CliRun block = vpatch(db, "patch", "deploy", "1", "--mode", "blocking", "--reason", "no false positives");
    assertThat(block.exit).as(block.toString()).isZero();
    Files.writeString(alerts, "{\"time\":\"2026-03-03T10:00:00Z\",\"transaction_id\":\"t4\",\"client\":\"192.0.2.5\","
        + "\"rule_id\":10000000,\"action\":\"blocked\"}\n");
    vpatch(db, "report", "import-alerts", alerts.toString());

    CliRun report = vpatch(db, "report");
    assertThat(report.out).contains("patch 1 VP-2026-0001 [blocking] rules 10000000-10000003: 3 hits, 1 blocked, 2 would have blocked")
        .contains("2026-03-02  0 blocked, 2 would have blocked").contains("2026-03-03  1 blocked, 0 would have blocked")
        .contains("top sources: 203.0.113.7 (2), 192.0.2.5 (1)").contains("sqli             1 vulnerabilities, 1 mitigated in");
    assertThat(vpatch(db, "report", "--format", "json").out).contains("\"would_have_blocked\" : 2");
    assertThat(vpatch(db, "report", "--format", "html").out).contains("<h2>Patch hits</h2>");

    CliRun stillVulnerable = vpatch(db, "patch", "reassess", "1", "--origin", originUrl);
    assertThat(stillVulnerable.exit).as(stillVulnerable.toString()).isEqualTo(3);
    assertThat(stillVulnerable.out).contains("REPRODUCES").contains("still reproduces");

    fixed.set(true);
    CliRun nowFixed = vpatch(db, "patch", "deploy", "1", "--mode", "reassess", "--origin", originUrl);
    assertThat(nowFixed.exit).as(nowFixed.toString()).isZero();
    assertThat(nowFixed.out).contains("no longer reproduces");
    assertThat(vpatch(db, "vuln", "list").out).contains("VP-2026-0001  fixed");

    assertThat(vpatch(db, "patch", "deploy", "1", "--mode", "retired", "--reason", "fixed in 2.3.1").out)
        .contains("patch 1 is now retired");
    assertThat(vpatch(db, "patch", "export").out).doesNotContain("SecRule");
    assertThat(vpatch(db, "patch", "show", "1").out).contains("draft -> log-only  observe")
        .contains("log-only -> blocking  no false positives").contains("blocking -> retired  fixed in 2.3.1");
  }
}
