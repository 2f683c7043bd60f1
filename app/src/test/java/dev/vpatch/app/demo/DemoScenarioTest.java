package dev.vpatch.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DemoScenarioTest {
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void pocLeaksEverySubscriberDirectlyAndIsBlockedThroughVpatch() throws Exception {
    try (DemoScenario demo = new DemoScenario(0, 0, false)) {
      HttpResponse<String> direct = get(demo.directUrl(DemoScenario.POC_QUERY));
      assertThat(direct.body().lines()).hasSize(6).contains("5,Eve Rossi,eve@example.com");
      assertThat(get(demo.directUrl("reqID=2")).body().lines()).containsExactly("id,name,email", "2,Bob Nguyen,bob@example.com");
      assertThat(get(demo.proxiedUrl(DemoScenario.POC_QUERY)).statusCode()).isEqualTo(403);
      HttpResponse<String> benign = get(demo.proxiedUrl("reqID=2"));
      assertThat(benign.statusCode()).isEqualTo(200);
      assertThat(benign.body()).contains("Bob Nguyen").doesNotContain("Alice");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      assertThat(demo.check(new PrintStream(out, true, StandardCharsets.UTF_8))).isTrue();
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("5 subscriber row(s)", "HTTP 403");
    }
  }

  @Test
  void closingTheDemoRemovesItsWorkingFolder() throws Exception {
    java.nio.file.Path workDir;
    try (DemoScenario demo = new DemoScenario(0, 0, false)) {
      workDir = demo.workDir();
      assertThat(demo.patchFile()).exists();
      get(demo.proxiedUrl(DemoScenario.POC_QUERY));
    }
    assertThat(workDir).doesNotExist();
  }

  @Test
  void fixedAppReturnsNothingForThePoc() throws Exception {
    try (DemoScenario demo = new DemoScenario(0, 0, true)) {
      assertThat(get(demo.directUrl(DemoScenario.POC_QUERY)).body().lines()).containsExactly("id,name,email");
    }
  }
}
