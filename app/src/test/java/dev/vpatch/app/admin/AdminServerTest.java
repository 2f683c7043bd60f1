package dev.vpatch.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpatch.patches.PatchService;
import dev.vpatch.patches.generator.RuleIdRange;
import dev.vpatch.store.Store;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminServerTest {
  static final String TOKEN = "0123456789abcdef-test";
  @TempDir Path dir;
  Store store;
  AdminServer server;
  final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    store = Store.open(dir.resolve("vpatch.db").toString());
    server = new AdminServer(store, new PatchService(store, RuleIdRange.DEFAULT), "127.0.0.1", 0, TOKEN);
  }

  @AfterEach
  void stop() {
    server.close();
    store.close();
  }

  private HttpResponse<String> call(String method, String path, String body, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode json(HttpResponse<String> response) throws Exception {
    return new ObjectMapper().readTree(response.body());
  }

  @Test
  void everyEndpointNeedsTheToken() throws Exception {
    assertThat(call("GET", "/api/patches", null, null).statusCode()).isEqualTo(401);
    assertThat(call("GET", "/api/patches", null, "wrong-token-wrong-token").statusCode()).isEqualTo(401);
    assertThat(call("GET", "/api/patches", null, TOKEN).statusCode()).isEqualTo(200);
  }

  @Test
  void importGenerateTestDeployAndReportOverHttp() throws Exception {
    String sarif = Files.readString(Path.of(System.getProperty("vpatch.crs.dir", "../../shared/crs"))
        .resolveSibling("reports").resolve("zap/zap.sarif.json"));
    HttpResponse<String> imported = call("POST", "/api/imports?name=zap.sarif.json", sarif, TOKEN);
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
    assertThat(json(imported).get("vulnerabilities")).hasSize(3);
    assertThat(json(call("GET", "/api/vulnerabilities", null, TOKEN))).hasSize(3);
    String vulnId = json(imported).get("vulnerabilities").get(0).get("id").asText();
    assertThat(json(call("GET", "/api/vulnerabilities/" + vulnId, null, TOKEN)).get("class").asText()).isEqualTo("xss");

    HttpResponse<String> generated = call("POST", "/api/patches",
        "{\"vulnerability_id\":\"" + vulnId + "\",\"samples\":[\"books\",\"garden tools\"],\"actor\":\"carol\"}", TOKEN);
    assertThat(generated.statusCode()).as(generated.body()).isEqualTo(201);
    long id = json(generated).get("id").asLong();
    assertThat(json(generated).get("model").asText()).isEqualTo("positive");

    HttpResponse<String> refused = call("POST", "/api/patches/" + id + "/deploy", "{\"mode\":\"blocking\"}", TOKEN);
    assertThat(refused.statusCode()).isEqualTo(409);
    HttpResponse<String> tested = call("POST", "/api/patches/" + id + "/test", null, TOKEN);
    assertThat(json(tested).get("last_test").get("passed").asBoolean()).as(tested.body()).isTrue();
    HttpResponse<String> deployed = call("POST", "/api/patches/" + id + "/deploy",
        "{\"mode\":\"blocking\",\"actor\":\"carol\",\"reason\":\"tests pass\"}", TOKEN);
    assertThat(json(deployed).get("mode").asText()).as(deployed.body()).isEqualTo("blocking");
    assertThat(call("GET", "/api/patches/export", null, TOKEN).body()).contains("mode blocking");

    HttpResponse<String> alerts = call("POST", "/api/alerts", "{\"time\":\"2026-03-02T09:00:00Z\",\"transaction_id\":\"a\","
        + "\"rule_id\":" + json(deployed).get("rule_ids").get(1).asLong() + ",\"client\":\"10.0.0.1\",\"action\":\"blocked\"}",
        TOKEN);
    assertThat(json(alerts).get("linked_to_patches").asInt()).isEqualTo(1);
    assertThat(json(call("GET", "/api/report", null, TOKEN)).toString()).contains("\"blocked\":1");
    assertThat(call("GET", "/api/patches/999", null, TOKEN).statusCode()).isEqualTo(404);
    assertThat(call("POST", "/api/patches", "not json", TOKEN).statusCode()).isEqualTo(400);
  }
}
