package dev.vpatch.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.engine.RuleSet;
import dev.vpatch.proxy.observe.AlertStream;
import dev.vpatch.proxy.rules.RuleSetHolder;
import dev.vpatch.proxy.rules.RuleSources;
import dev.vpatch.proxy.testing.ProxyFixture;
import dev.vpatch.proxy.testing.RawHttp;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The real engine behind the proxy: the OWASP guide's virtual patch and the verdict kinds. */
class InspectionTest {
  private static final String EXPORT =
      "/wordpress/wp-content/plugins/levelfourstorefront/scripts/administration/exportsubscribers.php";

  @TempDir Path dir;
  private ProxyFixture fixture;
  private final List<String> alerts = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  private static Path guidePatch() throws Exception {
    return Path.of(InspectionTest.class.getResource("/owasp-guide/positive-patch.conf").toURI());
  }

  private void startWith(EngineMode mode, String... ruleTexts) throws Exception {
    List<Path> files = new java.util.ArrayList<>(List.of(guidePatch()));
    for (int i = 0; i < ruleTexts.length; i++) {
      Path file = dir.resolve("extra" + i + ".conf");
      Files.writeString(file, ruleTexts[i], StandardCharsets.ISO_8859_1);
      files.add(file);
    }
    RuleSetHolder holder = new RuleSetHolder(new RuleSources(null, files, mode, null));
    fixture = ProxyFixture.start(holder, c -> c.withEngine(mode, true), new AlertStream(alerts::add));
  }

  /** Alerts are written before the response completes; the wait only covers an aborted exchange. */
  private org.assertj.core.api.ListAssert<String> awaitAlerts() throws InterruptedException {
    for (int i = 0; i < 100 && alerts.isEmpty(); i++) {
      Thread.sleep(20);
    }
    return assertThat(alerts);
  }

  private RawHttp.Response get(String target) throws Exception {
    return fixture.send("GET " + target + " HTTP/1.1\r\nHost: shop.test\r\n\r\n");
  }

  @Test
  void guideProofOfConceptIsBlockedWithAPageCarryingTheTransactionId() throws Exception {
    startWith(EngineMode.ON);
    RawHttp.Response r = get(EXPORT + "?reqID=1'%20or%201='1");
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.bodyText()).contains("Reference: ").doesNotContain("reqID").doesNotContain("rule");
    assertThat(fixture.upstream.poll(200)).isNull();
    String id = r.bodyText().replaceAll("(?s).*Reference: ([^<]+)</p>.*", "$1");
    awaitAlerts().anySatisfy(line -> assertThat(line)
        .contains("\"transaction_id\":\"" + id + "\"", "\"rule_id\":2", "\"action\":\"blocked\"", "reqID"));
  }

  @Test
  void numericReqIdPasses() throws Exception {
    startWith(EngineMode.ON);
    assertThat(get(EXPORT + "?reqID=42").status()).isEqualTo(200);
    assertThat(fixture.upstream.take().uri()).isEqualTo(EXPORT + "?reqID=42");
  }

  @Test
  void duplicatedReqIdIsBlocked() throws Exception {
    startWith(EngineMode.ON);
    assertThat(get(EXPORT + "?reqID=1&reqID=2").status()).isEqualTo(403);
    awaitAlerts().anySatisfy(line -> assertThat(line).contains("\"rule_id\":1"));
  }

  @Test
  void doubleEncodedQuoteIsBlocked() throws Exception {
    startWith(EngineMode.ON);
    assertThat(get(EXPORT + "?reqID=1%2527").status()).isEqualTo(403);
  }

  @Test
  void attackInAPostBodyIsBlockedBeforeTheUpstreamSeesIt() throws Exception {
    startWith(EngineMode.ON);
    String body = "reqID=1%27+or+1%3D%271";
    RawHttp.Response r = fixture.send("POST " + EXPORT + " HTTP/1.1\r\nHost: shop.test\r\n"
        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
    assertThat(r.status()).isEqualTo(403);
    assertThat(fixture.upstream.poll(200)).isNull();
  }

  @Test
  void chunkedPostBodyIsInspectedAndForwardedWhenBenign() throws Exception {
    startWith(EngineMode.ON);
    String attack = "POST " + EXPORT + " HTTP/1.1\r\nHost: shop.test\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        + "Transfer-Encoding: chunked\r\n\r\n6\r\nreqID=\r\n2\r\n1'\r\n0\r\n\r\n";
    assertThat(fixture.send(attack).status()).isEqualTo(403);
    String benign = attack.replace("2\r\n1'\r\n", "2\r\n12\r\n");
    assertThat(fixture.send(benign).status()).isEqualTo(200);
    assertThat(fixture.upstream.take().bodyText()).isEqualTo("reqID=12");
  }

  @Test
  void blockedRequestKeepsTheConnectionUsable() throws Exception {
    startWith(EngineMode.ON);
    try (RawHttp client = new RawHttp(fixture.port())) {
      client.send("GET " + EXPORT + "?reqID=x HTTP/1.1\r\nHost: h\r\n\r\n");
      assertThat(client.read().status()).isEqualTo(403);
      client.send("GET " + EXPORT + "?reqID=7 HTTP/1.1\r\nHost: h\r\n\r\n");
      assertThat(client.read().status()).isEqualTo(200);
    }
  }

  /** Blocked: the deny page; detection-only: the upstream's answer streamed through. */
  @ParameterizedTest
  @CsvSource({"ON, 403", "DETECTION_ONLY, 200"})
  void alertsAreWrittenBeforeTheLastByteOfTheResponse(EngineMode mode, int status) throws Exception {
    startWith(mode);
    for (int i = 0; i < 20; i++) {
      assertThat(get(EXPORT + "?reqID=" + i + "x").status()).isEqualTo(status);
      // no waiting: a client holding the whole response can read its alerts
      assertThat(alerts).hasSize(i + 1);
    }
  }

  @Test
  void detectionOnlyForwardsAndReportsWouldHaveBlocked() throws Exception {
    startWith(EngineMode.DETECTION_ONLY);
    assertThat(get(EXPORT + "?reqID=1'%20or%201='1").status()).isEqualTo(200);
    assertThat(fixture.upstream.take().uri()).contains("reqID=1'");
    awaitAlerts().anySatisfy(line -> assertThat(line).contains("\"rule_id\":2", "\"action\":\"would have blocked\""));
    assertThat(fixture.proxy.config().engineMode()).isEqualTo(EngineMode.DETECTION_ONLY);
  }

  @Test
  void dropClosesTheConnectionWithoutAnswer() throws Exception {
    startWith(EngineMode.ON, "SecRule ARGS:x \"@streq drop\" \"id:100,phase:1,drop,log\"\n");
    try (RawHttp client = new RawHttp(fixture.port())) {
      client.send("GET /?x=drop HTTP/1.1\r\nHost: h\r\n\r\n");
      assertThat(client.closedByServer()).isTrue();
    }
    assertThat(fixture.upstream.poll(200)).isNull();
  }

  @Test
  void redirectAnswersWithLocation() throws Exception {
    startWith(EngineMode.ON, "SecRule ARGS:x \"@streq go\" \"id:101,phase:1,redirect:https://example.test/blocked,log\"\n");
    RawHttp.Response r = get("/?x=go");
    assertThat(r.status()).isEqualTo(302);
    assertThat(r.header("Location")).isEqualTo("https://example.test/blocked");
  }

  @Test
  void denyUsesTheRuleStatus() throws Exception {
    startWith(EngineMode.ON, "SecRule REQUEST_HEADERS:User-Agent \"@contains scanner\" \"id:102,phase:1,deny,status:406,log\"\n");
    RawHttp.Response r = fixture.send("GET / HTTP/1.1\r\nHost: h\r\nUser-Agent: evil-scanner\r\n\r\n");
    assertThat(r.status()).isEqualTo(406);
  }

  @Test
  void responseHeaderAndBodyRulesReplaceTheUpstreamAnswer() throws Exception {
    startWith(EngineMode.ON,
        "SecRule RESPONSE_HEADERS:X-Debug \"@streq on\" \"id:103,phase:3,deny,log\"\n"
            + "SecRule RESPONSE_BODY \"@contains BEGIN PRIVATE KEY\" \"id:104,phase:4,deny,log\"\n");
    answerWithDebugHeaderOrKey();
    assertThat(get("/debug").status()).isEqualTo(403);
    RawHttp.Response leak = get("/key");
    assertThat(leak.status()).isEqualTo(403);
    assertThat(leak.bodyText()).doesNotContain("PRIVATE");
    RawHttp.Response fine = get("/ok");
    assertThat(fine.status()).isEqualTo(200);
    assertThat(fine.bodyText()).isEqualTo("fine");
  }

  @Test
  void aResponseHeaderRuleAloneStillSeesTheResponseHeaders() throws Exception {
    // No phase 4 rule and no audit log: the response headers are handed over for the phase 3 rule.
    startWith(EngineMode.ON, "SecRule RESPONSE_HEADERS:X-Debug \"@streq on\" \"id:105,phase:3,deny,log\"\n");
    answerWithDebugHeaderOrKey();
    assertThat(get("/debug").status()).isEqualTo(403);
    RawHttp.Response fine = get("/ok");
    assertThat(fine.status()).isEqualTo(200);
    assertThat(fine.header("Content-Type")).isEqualTo("text/plain");
  }

  /** The upstream answers "fine" (text/plain), with X-Debug: on for /debug and a private key for /key. */
  private void answerWithDebugHeaderOrKey() {
    fixture.upstream.respondWith((request, ctx) -> {
      byte[] body = (request.uri().equals("/key") ? "-----BEGIN PRIVATE KEY-----" : "fine").getBytes(StandardCharsets.US_ASCII);
      FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.wrappedBuffer(body));
      response.headers().set("Content-Type", "text/plain").set("Content-Length", body.length);
      if (request.uri().equals("/debug")) {
        response.headers().set("X-Debug", "on");
      }
      ctx.writeAndFlush(response);
    });
  }

  @Test
  void requestBodyOverTheLimitIsRejected() throws Exception {
    startWith(EngineMode.ON, "SecRequestBodyLimit 100\nSecRequestBodyLimitAction Reject\n");
    String body = "a=" + "b".repeat(200);
    RawHttp.Response r = fixture.send("POST /f HTTP/1.1\r\nHost: h\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        + "Content-Length: " + body.length() + "\r\n\r\n" + body);
    assertThat(r.status()).isEqualTo(413);
    assertThat(fixture.upstream.poll(200)).isNull();
  }

  @Test
  void requestBodyOverTheLimitWithProcessPartialIsForwardedWhole() throws Exception {
    startWith(EngineMode.ON, "SecRequestBodyLimit 100\nSecRequestBodyLimitAction ProcessPartial\n");
    String body = "a=" + "b".repeat(200_000);
    RawHttp.Response r = fixture.send("POST /f HTTP/1.1\r\nHost: h\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        + "Content-Length: " + body.length() + "\r\n\r\n" + body);
    assertThat(r.status()).isEqualTo(200);
    assertThat(fixture.upstream.take().bodyText()).isEqualTo(body);
  }

  @Test
  void engineFailureFailsClosedOrOpenAsConfigured() throws Exception {
    RuleSet broken = new FailingRuleSet();
    try (ProxyFixture closed = ProxyFixture.start(() -> broken, c -> c.withEngine(EngineMode.ON, true), null)) {
      RawHttp.Response r = closed.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
      assertThat(r.status()).isEqualTo(500);
      assertThat(r.bodyText()).doesNotContain("Exception").doesNotContain("engine");
      assertThat(closed.upstream.poll(200)).isNull();
    }
    try (ProxyFixture open = ProxyFixture.start(() -> broken, c -> c.withEngine(EngineMode.ON, false), null)) {
      assertThat(open.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n").status()).isEqualTo(200);
    }
  }
}
