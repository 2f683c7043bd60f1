package dev.vpatch.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vpatch.engine.RuleSet;
import dev.vpatch.proxy.testing.ProxyFixture;
import dev.vpatch.proxy.testing.RawHttp;
import dev.vpatch.proxy.testing.TestUpstream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * HTTP/1.1 {@code Upgrade: h2c}: curl ({@code --http2} on an http:// URL sends the upgrade) and raw
 * sockets for what must not upgrade.
 */
class H2cUpgradeTest {
  private static final String SETTINGS = "AAMAAABkAAQAoAAAAAIAAAAA";
  private ProxyFixture fixture;

  @BeforeEach
  void start() throws Exception {
    RuleSet rules = RuleSet.builder().addVpatchDefaults()
        .addText("SecRule ARGS \"@contains attack\" \"id:1001,phase:2,deny,status:403\"\n", "h2c-test.conf").build();
    fixture = ProxyFixture.start(() -> rules, c -> c, null);
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  /** Runs curl; returns "BODY\nHTTP_VERSION STATUS". */
  private static String curl(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("curl", "-s", "--max-time", "10", "-w", "\n%{http_version} %{http_code}"));
    command.addAll(List.of(args));
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (java.io.IOException e) {
      assumeTrue(false, "curl is not installed");
      return "";
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(15, TimeUnit.SECONDS);
    return out;
  }

  @Test
  void anUpgradedRequestBecomesStreamOneAndIsForwardedAndTheConnectionCarriesMoreStreams() throws Exception {
    String base = "http://127.0.0.1:" + fixture.port();
    String out = curl("--http2", base + "/first?x=1", "--next", "--http2", "-w", "\n%{http_version} %{http_code}"
        + " connects:%{num_connects}", base + "/second");
    assumeTrue(!out.contains("\n1.1 200"), "this curl does not upgrade to h2c");
    assertThat(out).contains("ok GET /first?x=1\n2 200").contains("ok GET /second\n2 200 connects:0");
    TestUpstream.Received first = fixture.upstream.take();
    assertThat(first.uri()).isEqualTo("/first?x=1");
    assertThat(first.header("Host")).containsExactly("127.0.0.1:" + fixture.port());
    assertThat(first.header("Upgrade")).isEmpty();
    assertThat(first.header("HTTP2-Settings")).isEmpty();
    assertThat(first.headers()).noneMatch(h -> h.getKey().toLowerCase().startsWith("x-http2-"));
    assertThat(fixture.upstream.take().uri()).isEqualTo("/second");
  }

  @Test
  void anAttackInTheUpgradedRequestIsBlockedOverHttp2() throws Exception {
    String out = curl("--http2", "http://127.0.0.1:" + fixture.port() + "/q?name=attack");
    assumeTrue(!out.contains("\n1.1 "), "this curl does not upgrade to h2c");
    assertThat(out).endsWith("\n2 403");
    assertThat(fixture.upstream.poll(200)).isNull();
  }

  @Test
  void theUpgradeAnswers101ThenTheServerPreface() throws Exception {
    try (RawHttp client = new RawHttp(fixture.port())) {
      client.send("GET /raw HTTP/1.1\r\nHost: a\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
          + "HTTP2-Settings: " + SETTINGS + "\r\n\r\n");
      RawHttp.Response switching = client.read();
      assertThat(switching.status()).isEqualTo(101);
      assertThat(switching.header("Upgrade")).isEqualTo("h2c");
      byte[] frameHead = client.readBytes(9);
      assertThat(frameHead[3]).as("first frame is SETTINGS").isEqualTo((byte) 4);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "settings not base64url  | HTTP2-Settings: AAMAAABk!",
      "settings not whole      | HTTP2-Settings: AAMAAA",
      "obs-fold in the request | HTTP2-Settings: " + SETTINGS + "\\r\\nX-Folded: a\\r\\n b",
      "bare LF in the request  | HTTP2-Settings: " + SETTINGS + "\\nX-Bare: lf",
  })
  void theStrictParserAndTheSettingsCheckComeBeforeAnyUpgrade(String name, String lastHeaders) throws Exception {
    RawHttp.Response response = fixture.send("GET / HTTP/1.1\r\nHost: a\r\nConnection: Upgrade, HTTP2-Settings\r\n"
        + "Upgrade: h2c\r\n" + lastHeaders.replace("\\r", "\r").replace("\\n", "\n") + "\r\n\r\n");
    assertThat(response.status()).isEqualTo(400);
    assertThat(fixture.upstream.poll(200)).isNull();
  }

  @Test
  void requestsWithABodyOrWithoutTheSettingsHeaderStayOnHttp11() throws Exception {
    RawHttp.Response withBody = fixture.send("POST /b HTTP/1.1\r\nHost: a\r\nConnection: Upgrade, HTTP2-Settings\r\n"
        + "Upgrade: h2c\r\nHTTP2-Settings: " + SETTINGS + "\r\nContent-Length: 3\r\n\r\nabc");
    assertThat(withBody.status()).isEqualTo(200);
    TestUpstream.Received got = fixture.upstream.take();
    assertThat(got.bodyText()).isEqualTo("abc");
    assertThat(got.header("Upgrade")).isEmpty();

    RawHttp.Response noSettings = fixture.send("GET /n HTTP/1.1\r\nHost: a\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\n");
    assertThat(noSettings.status()).isEqualTo(200);
    assertThat(fixture.upstream.take().uri()).isEqualTo("/n");
  }
}
