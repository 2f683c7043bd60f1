package dev.vpatch.ftw.wire;

import dev.vpatch.ftw.model.StageInput;
import dev.vpatch.ftw.run.StageOutcome;
import dev.vpatch.ftw.run.StageTarget;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Sends each stage's raw bytes over a new TCP connection to a running server (a vpatch proxy, or
 * any WAF in front of a test backend), reads the response and asks an {@link AlertSource} which
 * rules logged. Host and port come from the stage unless fixed here. Not for parallel use when
 * the alert source is a shared log file.
 */
public final class WireTarget implements StageTarget {
  private final String host;
  private final int port;
  private final AlertSource alerts;
  private final Duration timeout;

  /**
   * @param host the server to connect to, or null for each stage's {@code dest_addr}
   * @param port the port, or 0 for each stage's {@code port}
   */
  public WireTarget(String host, int port, AlertSource alerts, Duration timeout) {
    this.host = host;
    this.port = port;
    this.alerts = alerts;
    this.timeout = timeout;
  }

  @Override
  public StageOutcome send(StageInput input, byte[] request) {
    long mark = alerts.mark();
    ResponseReader.Response response;
    String error = null;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host != null ? host : input.destAddr(), port != 0 ? port : input.port()),
          (int) timeout.toMillis());
      socket.setSoTimeout((int) timeout.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(request);
      out.flush();
      response = ResponseReader.read(new BufferedInputStream(socket.getInputStream()), isHead(request));
    } catch (IOException e) {
      response = null;
      error = e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    WafLog log = alerts.since(mark);
    if (response == null) {
      return StageOutcome.failure(error, log.ruleIds(), log.text());
    }
    return new StageOutcome(response.status(), null, log.ruleIds(), log.text(),
        new String(response.raw(), StandardCharsets.ISO_8859_1));
  }

  private static boolean isHead(byte[] request) {
    return request.length > 5 && new String(request, 0, 5, StandardCharsets.ISO_8859_1).equals("HEAD ");
  }
}
