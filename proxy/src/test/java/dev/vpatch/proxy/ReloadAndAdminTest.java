package dev.vpatch.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.proxy.rules.RuleSetHolder;
import dev.vpatch.proxy.testing.RawHttp;
import dev.vpatch.proxy.testing.TestUpstream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hot reload under load, broken rule files, and the token-protected admin endpoint. */
class ReloadAndAdminTest {
  private static final String OLD_RULE = "SecRule ARGS:x \"@streq old\" \"id:500,phase:1,deny,log\"\n";
  private static final String NEW_RULE = "SecRule ARGS:x \"@streq new\" \"id:501,phase:1,deny,log\"\n";

  @TempDir Path dir;
  private TestUpstream upstream;
  private VpatchProxy proxy;
  private Path rules;
  private Path alerts;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    upstream = new TestUpstream();
    rules = dir.resolve("patch.conf");
    alerts = dir.resolve("alerts.jsonl");
    Files.writeString(rules, OLD_RULE);
    ProxyConfig config = ProxyConfig.defaults(upstream.uri()).withListen("127.0.0.1", 0);
    proxy = VpatchProxy.start(new VpatchProxy.Options(config, null, List.of(rules), dir.resolve("audit.jsonl"), alerts,
        new InetSocketAddress("127.0.0.1", 0), "s3cret", true, 2));
  }

  @AfterEach
  void stop() {
    proxy.close();
    upstream.close();
  }

  private int status(String x) throws Exception {
    return RawHttp.exchange(proxy.server().port(), "GET /?x=" + x + " HTTP/1.1\r\nHost: h\r\n\r\n").status();
  }

  private HttpResponse<String> admin(String method, String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + proxy.admin().address().getPort() + path)).method(method, HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void reloadUnderConcurrentLoadLosesNoRequest() throws Exception {
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    Thread[] clients = new Thread[4];
    for (int c = 0; c < clients.length; c++) {
      clients[c] = new Thread(() -> {
        try (RawHttp client = new RawHttp(proxy.server().port())) {
          while (running.get()) {
            client.send("GET /?x=benign HTTP/1.1\r\nHost: h\r\n\r\n");
            if (client.read().status() == 200) {
              ok.incrementAndGet();
            } else {
              failures.incrementAndGet();
            }
          }
        } catch (Exception e) {
          failures.incrementAndGet();
        }
      });
      clients[c].start();
    }
    for (int i = 0; i < 10; i++) {
      Files.writeString(rules, i % 2 == 0 ? OLD_RULE + NEW_RULE : OLD_RULE);
      assertThat(proxy.rules().reload().loaded()).isTrue();
      Thread.sleep(30);
    }
    running.set(false);
    for (Thread client : clients) {
      client.join(10_000);
    }
    assertThat(failures.get()).isZero();
    assertThat(ok.get()).isGreaterThan(20);
  }

  @Test
  void brokenRuleFileKeepsTheRunningRulesAndNamesFileAndLine() throws Exception {
    assertThat(status("old")).isEqualTo(403);
    Files.writeString(rules, OLD_RULE + "SecRule ARGS \"@noSuchOperator x\" \"id:502,phase:1,deny\"\n");
    RuleSetHolder.Outcome outcome = proxy.rules().reload();
    assertThat(outcome.loaded()).isFalse();
    assertThat(outcome.error()).contains("patch.conf:2");
    assertThat(status("old")).isEqualTo(403);
    assertThat(status("fine")).isEqualTo(200);
  }

  @Test
  void changedRuleFileIsPickedUpByTheWatcher() throws Exception {
    assertThat(status("new")).isEqualTo(200);
    Files.writeString(rules, OLD_RULE + NEW_RULE);
    int status = 200;
    for (int i = 0; i < 100 && status == 200; i++) {
      Thread.sleep(100);
      status = status("new");
    }
    assertThat(status).isEqualTo(403);
  }

  @Test
  void adminEndpointsNeedTheToken() throws Exception {
    assertThat(admin("GET", "/health", null).statusCode()).isEqualTo(401);
    assertThat(admin("GET", "/health", "wrong").statusCode()).isEqualTo(401);
    assertThat(admin("GET", "/health", "s3cret").statusCode()).isEqualTo(200);
    assertThat(admin("GET", "/ready", "s3cret").statusCode()).isEqualTo(200);
    assertThat(admin("GET", "/reload", "s3cret").statusCode()).isEqualTo(405);
    assertThat(proxy.admin().address().getAddress().isLoopbackAddress()).isTrue();
  }

  @Test
  void adminReloadSwapsRulesAndReportsErrors() throws Exception {
    Files.writeString(rules, OLD_RULE + NEW_RULE);
    HttpResponse<String> reloaded = admin("POST", "/reload", "s3cret");
    assertThat(reloaded.statusCode()).isEqualTo(200);
    assertThat(reloaded.body()).contains("\"loaded\":true");
    assertThat(status("new")).isEqualTo(403);
    Files.writeString(rules, "SecRule ARGS \"@rx (\" \"id:503,phase:1,deny\"\n");
    HttpResponse<String> broken = admin("POST", "/reload", "s3cret");
    assertThat(broken.statusCode()).isEqualTo(422);
    assertThat(broken.body()).contains("\"loaded\":false", "patch.conf:1");
    assertThat(status("new")).isEqualTo(403);
  }

  @Test
  void ruleHitsCountLoggedMatchesNotNologControlFlow() throws Exception {
    Files.writeString(rules, "SecAction \"id:510,phase:1,pass,nolog\"\n"
        + "SecRule ARGS:x \"@streq old\" \"id:511,phase:1,pass,log\"\n");
    assertThat(admin("POST", "/reload", "s3cret").statusCode()).isEqualTo(200);
    status("old");
    String metrics = admin("GET", "/metrics", "s3cret").body();
    assertThat(metrics).contains("vpatch_rule_hits_total{rule=\"511\"} 1.0").doesNotContain("rule=\"510\"");
  }

  @Test
  void metricsCountRequestsBlocksRuleHitsAndPhaseLatency() throws Exception {
    status("old");
    status("fine");
    String metrics = admin("GET", "/metrics", "s3cret").body();
    assertThat(metrics).contains("vpatch_requests_total 2.0", "vpatch_blocked_total 1.0",
        "vpatch_rule_hits_total{rule=\"500\"} 1.0", "vpatch_phase_seconds_count{phase=\"1\"} 2",
        "vpatch_phase_seconds_sum{phase=\"1\"} ", "vpatch_phase_seconds_count{phase=\"5\"} 2");
  }

  @Test
  void alertAndAuditLogsGetOneLinePerMatch() throws Exception {
    status("old");
    String lines = "";
    for (int i = 0; i < 50 && lines.isEmpty(); i++) {
      Thread.sleep(20);
      lines = Files.exists(alerts) ? Files.readString(alerts, StandardCharsets.UTF_8) : "";
    }
    assertThat(lines.lines()).hasSize(1);
    assertThat(lines).contains("\"rule_id\":500", "\"action\":\"blocked\"", "\"matched_var\":\"ARGS:x\"", "\"matched_data\":\"old\"");
    assertThat(Files.readString(dir.resolve("audit.jsonl"))).contains("\"transaction\"");
  }

  @Test
  void requestInFlightFinishesOnTheRulesItStartedWith() throws Exception {
    String bodyRule = "SecRule ARGS_POST:x \"@streq new\" \"id:504,phase:2,deny,log\"\n";
    String head = "POST /form HTTP/1.1\r\nHost: h\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 5\r\n\r\n";
    try (RawHttp inFlight = new RawHttp(proxy.server().port())) {
      inFlight.send(head + "x=n");
      Thread.sleep(200);
      Files.writeString(rules, OLD_RULE + bodyRule);
      assertThat(proxy.rules().reload().loaded()).isTrue();
      inFlight.send("ew");
      assertThat(inFlight.read().status()).isEqualTo(200);
    }
    try (RawHttp after = new RawHttp(proxy.server().port())) {
      after.send(head + "x=new");
      assertThat(after.read().status()).isEqualTo(403);
    }
  }
}
