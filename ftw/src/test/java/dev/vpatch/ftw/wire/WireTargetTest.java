package dev.vpatch.ftw.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.ftw.backend.TestBackendServer;
import dev.vpatch.ftw.http.RawRequestBuilder;
import dev.vpatch.ftw.model.HeaderField;
import dev.vpatch.ftw.model.StageInput;
import dev.vpatch.ftw.run.StageOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wire client against the real test backend over loopback sockets. */
class WireTargetTest {
  @TempDir Path temp;
  private TestBackendServer backend;
  private WireTarget target;

  @BeforeEach
  void start() throws IOException {
    backend = TestBackendServer.start(new InetSocketAddress("127.0.0.1", 0), 16);
    target = new WireTarget("127.0.0.1", backend.address().getPort(), AlertSource.NONE, Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() throws IOException {
    backend.close();
  }

  @Test
  void getsTheBackendsAnswer() {
    StageOutcome outcome = send(input("GET", "/anything", null));

    assertThat(outcome.error()).isNull();
    assertThat(outcome.status()).isEqualTo(200);
    assertThat(outcome.response()).startsWith("HTTP/1.1 200 OK\r\n").contains("Content-Length: 0\r\n");
  }

  @Test
  void reflectsTheRequestedResponse() {
    StageOutcome outcome = send(input("POST", "/reflect", "{\"status\": 503, \"body\": \"down\"}",
        new HeaderField("Content-Type", "application/json")));

    assertThat(outcome.status()).isEqualTo(503);
    assertThat(outcome.response()).endsWith("\r\n\r\ndown");
  }

  @Test
  void reportsTheServersRejection() {
    StageOutcome outcome = send(input("     GET", "/", null));

    assertThat(outcome.status()).isEqualTo(400);
  }

  @Test
  void reportsConnectionFailuresAsErrors() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    WireTarget nowhere = new WireTarget("127.0.0.1", closedPort, AlertSource.NONE, Duration.ofSeconds(2));

    StageOutcome outcome = nowhere.send(input("GET", "/", null), RawRequestBuilder.build(input("GET", "/", null)));

    assertThat(outcome.status()).isNull();
    assertThat(outcome.error()).contains("Connect");
  }

  @Test
  void takesRuleIdsFromTheAlertLogWrittenDuringTheExchange() throws IOException {
    Path log = Files.writeString(temp.resolve("alerts.jsonl"), "{\"ruleId\":\"1\"}\n");
    LogFileAlertSource alerts = new LogFileAlertSource(log, 20);
    long mark = alerts.mark();
    Files.writeString(log, "{\"ruleId\":\"942100\",\"msg\":\"x\"}\n[id \"949110\"]\n{\"rule_id\": 7}\n",
        java.nio.file.StandardOpenOption.APPEND);

    WafLog since = alerts.since(mark);

    assertThat(since.ruleIds()).containsExactly(942100L, 949110L, 7L);
    assertThat(since.text()).doesNotContain("\"1\"");
    assertThat(new LogFileAlertSource(temp.resolve("absent"), 1).since(0)).isEqualTo(WafLog.EMPTY);
  }

  @Test
  void backendKeepsConnectionsAliveAndServesPipelinedRequests() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", backend.address().getPort())) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write(("GET /a HTTP/1.1\r\nHost: x\r\n\r\nPOST /reflect HTTP/1.1\r\nHost: x\r\nContent-Length: 15\r\n\r\n"
          + "{\"status\": 201}GET /c HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      String all = new String(readAll(socket.getInputStream()), StandardCharsets.US_ASCII);

      assertThat(all).containsSubsequence("HTTP/1.1 200 OK", "HTTP/1.1 201 Created", "HTTP/1.1 200 OK", "Connection: close");
    }
  }

  private StageOutcome send(StageInput input) {
    return target.send(input, RawRequestBuilder.build(input));
  }

  private static byte[] readAll(InputStream in) throws IOException {
    return in.readAllBytes();
  }

  private static StageInput input(String method, String uri, String data, HeaderField... extra) {
    List<HeaderField> headers = new java.util.ArrayList<>(List.of(new HeaderField("Host", "localhost")));
    headers.addAll(List.of(extra));
    return new StageInput("localhost", 80, "http", method, uri, "HTTP/1.1", headers, data, null, null, true, false, false);
  }
}
