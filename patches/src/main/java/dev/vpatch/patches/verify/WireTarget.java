package dev.vpatch.patches.verify;

import dev.vpatch.ftw.model.StageInput;
import dev.vpatch.ftw.run.StageOutcome;
import dev.vpatch.ftw.run.StageTarget;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Sends each test's raw request to a running proxy over plain HTTP/1.1 (the request asks for
 * Connection: close) and reads the status. Rule ids are not visible over the wire, so only status
 * expectations decide; the response read is capped at 1 MiB.
 */
final class WireTarget implements StageTarget {
  private static final int MAX_RESPONSE = 1 << 20;
  private static final int TIMEOUT_MILLIS = 10_000;

  private final String host;
  private final int port;

  WireTarget(URI base) {
    if (!"http".equalsIgnoreCase(base.getScheme()) || base.getHost() == null) {
      throw new IllegalArgumentException("--target must be an http://host:port URL, got " + base);
    }
    this.host = base.getHost();
    this.port = base.getPort() < 0 ? 80 : base.getPort();
  }

  @Override
  public StageOutcome send(StageInput input, byte[] request) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      socket.getOutputStream().write(request);
      socket.getOutputStream().flush();
      String response = readResponse(socket.getInputStream());
      Integer status = status(response);
      if (status == null) {
        return StageOutcome.failure("no HTTP status line in the answer", List.of(), "");
      }
      return new StageOutcome(status, null, List.of(), "", response);
    } catch (IOException e) {
      return StageOutcome.failure("cannot reach " + host + ":" + port + ": " + e.getMessage(), List.of(), "");
    }
  }

  private static String readResponse(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int read;
    while (out.size() < MAX_RESPONSE && (read = in.read(buffer)) > 0) {
      out.write(buffer, 0, read);
    }
    return out.toString(StandardCharsets.ISO_8859_1);
  }

  private static Integer status(String response) {
    if (!response.startsWith("HTTP/") || response.length() < 12) {
      return null;
    }
    try {
      return Integer.valueOf(response.substring(9, 12));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
