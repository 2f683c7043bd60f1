package dev.vpatch.patches.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.vpatch.patches.PatchService;
import dev.vpatch.patches.generator.GenerateOptions;
import dev.vpatch.patches.generator.InputShapes;
import dev.vpatch.patches.generator.RuleIdRange;
import dev.vpatch.store.Store;
import dev.vpatch.store.model.Location;
import dev.vpatch.store.model.ParamWhere;
import dev.vpatch.store.model.Vulnerability;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookTest {
  @TempDir Path dir;
  HttpServer server;
  final List<byte[]> bodies = new CopyOnWriteArrayList<>();
  final List<String> signatures = new CopyOnWriteArrayList<>();
  final AtomicInteger failuresLeft = new AtomicInteger();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/hook", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      int status = failuresLeft.getAndDecrement() > 0 ? 503 : 204;
      if (status == 204) {
        bodies.add(body);
        signatures.add(exchange.getRequestHeaders().getFirst(Webhook.SIGNATURE_HEADER));
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void stateChangesArePostedSignedAndRetriedAfterServerErrors() throws Exception {
    failuresLeft.set(2);
    List<String> problems = new CopyOnWriteArrayList<>();
    try (Store store = Store.open(dir.resolve("vpatch.db").toString())) {
      String vulnId = store.inTransaction(s -> s.vulnerabilities().insert(Vulnerability.builder().title("t")
          .vulnClass("sqli").cves(List.of("CVE-2026-0042")).ticketUrl("https://tickets.example/9")
          .location(new Location("GET", "/a", "id", ParamWhere.QUERY)).build())).id();
      PatchService service = new PatchService(store, RuleIdRange.DEFAULT);
      service.onStateChange(new Webhook(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook"),
          "s3cret", 4, Duration.ofMillis(10), problems::add));
      long patchId = service.generate(vulnId, new GenerateOptions(InputShapes.parse("uuid"), List.of(), false, false),
          "alice").id();

      service.deploy(patchId, dev.vpatch.store.model.PatchMode.LOG_ONLY, "alice", "trial");
    }

    assertThat(problems).isEmpty();
    assertThat(bodies).hasSize(1);
    JsonNode json = new ObjectMapper().readTree(bodies.get(0));
    assertThat(json.get("vulnerability_id").asText()).isEqualTo("VP-" + java.time.Year.now(java.time.ZoneOffset.UTC) + "-0001");
    assertThat(json.get("cves").get(0).asText()).isEqualTo("CVE-2026-0042");
    assertThat(json.get("rule_ids").size()).isEqualTo(2);
    assertThat(json.get("from").asText()).isEqualTo("draft");
    assertThat(json.get("to").asText()).isEqualTo("log-only");
    assertThat(json.get("ticket_url").asText()).isEqualTo("https://tickets.example/9");
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec("s3cret".getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
    assertThat(signatures.get(0)).isEqualTo("sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(bodies.get(0))));
  }

  @Test
  void aReceiverThatKeepsFailingIsReportedNotThrown() throws Exception {
    failuresLeft.set(100);
    List<String> problems = new CopyOnWriteArrayList<>();
    Webhook hook = new Webhook(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook"), "k", 3,
        Duration.ofMillis(5), problems::add);
    try (Store store = Store.open(dir.resolve("other.db").toString())) {
      String vulnId = store.inTransaction(s -> s.vulnerabilities().insert(Vulnerability.builder().title("t")
          .vulnClass("xss").location(new Location("GET", "/a", "q", ParamWhere.QUERY)).build())).id();
      PatchService service = new PatchService(store, RuleIdRange.DEFAULT);
      service.onStateChange(hook);
      service.deploy(service.generate(vulnId, GenerateOptions.AUTOMATIC, "bob").id(),
          dev.vpatch.store.model.PatchMode.DISABLED, "bob", "");
    }
    assertThat(problems).singleElement().satisfies(p -> assertThat(p).contains("5xx after 3 attempts"));
    assertThat(failuresLeft.get()).isEqualTo(97);
  }
}
