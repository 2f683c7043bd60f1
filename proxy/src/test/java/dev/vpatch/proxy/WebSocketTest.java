package dev.vpatch.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.proxy.rules.RuleSetHolder;
import dev.vpatch.proxy.rules.RuleSources;
import dev.vpatch.proxy.testing.ProxyFixture;
import dev.vpatch.proxy.testing.RawHttp;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WebSocket: the handshake goes through the rules; once accepted, frames pass through untouched. */
class WebSocketTest {
  @TempDir Path dir;
  private ProxyFixture fixture;

  @BeforeEach
  void start() throws Exception {
    Path rules = dir.resolve("ws.conf");
    Files.writeString(rules, "SecRule ARGS:token \"@streq evil\" \"id:700,phase:1,deny,log\"\n");
    RuleSetHolder holder = new RuleSetHolder(new RuleSources(null, List.of(rules), EngineMode.ON, null));
    fixture = ProxyFixture.start(holder, c -> c, null);
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private static String handshake(String target) {
    return "GET " + target + " HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
  }

  /** A masked client text frame (RFC 6455 5.3). */
  private static byte[] textFrame(String text) {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    byte[] mask = {0x11, 0x22, 0x33, 0x44};
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write(0x81);
    frame.write(0x80 | payload.length);
    frame.write(mask, 0, 4);
    for (int i = 0; i < payload.length; i++) {
      frame.write(payload[i] ^ mask[i % 4]);
    }
    return frame.toByteArray();
  }

  private static String readTextFrame(RawHttp client) throws Exception {
    byte[] header = client.readBytes(2);
    assertThat(header[0] & 0xFF).isEqualTo(0x81);
    return new String(client.readBytes(header[1] & 0x7F), StandardCharsets.UTF_8);
  }

  @Test
  void acceptedHandshakeTunnelsFramesBothWays() throws Exception {
    try (RawHttp client = new RawHttp(fixture.port())) {
      client.send(handshake("/ws?token=fine"));
      RawHttp.Response switching = client.read();
      assertThat(switching.status()).isEqualTo(101);
      assertThat(switching.header("Upgrade")).isEqualToIgnoringCase("websocket");
      assertThat(switching.header("Sec-WebSocket-Accept")).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
      client.send(textFrame("hello"));
      assertThat(readTextFrame(client)).isEqualTo("echo: hello");
      client.send(textFrame("again ' or 1='1"));
      assertThat(readTextFrame(client)).isEqualTo("echo: again ' or 1='1");
    }
  }

  @Test
  void handshakeBlockedByARuleNeverReachesTheUpstream() throws Exception {
    try (RawHttp client = new RawHttp(fixture.port())) {
      client.send(handshake("/ws?token=evil"));
      assertThat(client.read().status()).isEqualTo(403);
    }
    assertThat(fixture.upstream.poll(200)).isNull();
  }
}
