package dev.vpatch.ftw.backend;

import dev.vpatch.engine.ByteStrings;
import dev.vpatch.ftw.http.HttpRequestParser;
import dev.vpatch.ftw.http.ParseResult;
import dev.vpatch.ftw.http.ParsedRequest;
import dev.vpatch.ftw.model.HeaderField;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * {@link Albedo} served over real HTTP/1.1 sockets: the test backend for wire runs and for the
 * proxy's integration tests. Requests are read with the strict {@link HttpRequestParser} (a
 * rejected request gets its status and the connection closes); connections are kept alive unless
 * the client asks to close or speaks HTTP/1.0 without keep-alive. At most {@code maxConnections}
 * connections are served at once; idle connections close after 30 seconds.
 */
public final class TestBackendServer implements AutoCloseable {
  private static final int IDLE_TIMEOUT_MILLIS = 30_000;
  private static final int MAX_BUFFER = (int) HttpRequestParser.MAX_BODY + 64 * 1024;

  private final ServerSocket server;
  private final Albedo albedo = new Albedo();
  private final ExecutorService workers;
  private final Semaphore connections;

  private TestBackendServer(ServerSocket server, int maxConnections) {
    this.server = server;
    this.connections = new Semaphore(maxConnections);
    this.workers = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "testbackend");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Binds (port 0 picks a free port) and starts accepting in the background. */
  public static TestBackendServer start(InetSocketAddress address, int maxConnections) throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(address, 128);
    TestBackendServer backend = new TestBackendServer(socket, maxConnections);
    backend.workers.execute(backend::acceptLoop);
    return backend;
  }

  public InetSocketAddress address() {
    return (InetSocketAddress) server.getLocalSocketAddress();
  }

  @Override
  public void close() throws IOException {
    server.close();
    workers.shutdownNow();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        connections.acquire();
        Socket socket = server.accept();
        workers.execute(() -> {
          try (socket) {
            serve(socket);
          } catch (IOException e) {
            // the client went away; nothing to answer
          } finally {
            connections.release();
          }
        });
      } catch (IOException | InterruptedException e) {
        connections.release();
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private void serve(Socket socket) throws IOException {
    socket.setSoTimeout(IDLE_TIMEOUT_MILLIS);
    InputStream in = socket.getInputStream();
    OutputStream out = socket.getOutputStream();
    byte[] buffer = new byte[16 * 1024];
    int filled = 0;
    while (true) {
      ParseResult result = filled == 0 ? new ParseResult.Incomplete(null, "", -1) : HttpRequestParser.parse(buffer, filled);
      if (result instanceof ParseResult.Rejected rejected) {
        out.write(plain(rejected.status(), rejected.reason()).toBytes());
        return;
      }
      if (result instanceof ParseResult.Complete complete) {
        ParsedRequest request = complete.request();
        BackendResponse response = albedo.respond(request);
        boolean close = wantsClose(request);
        out.write(close ? withConnectionClose(response).toBytes() : response.toBytes());
        out.flush();
        if (close) {
          return;
        }
        System.arraycopy(buffer, complete.consumed(), buffer, 0, filled - complete.consumed());
        filled -= complete.consumed();
        continue;
      }
      if (filled == buffer.length) {
        if (buffer.length >= MAX_BUFFER) {
          out.write(plain(413, "request too large").toBytes());
          return;
        }
        buffer = Arrays.copyOf(buffer, Math.min(MAX_BUFFER, buffer.length * 2));
      }
      int n;
      try {
        n = in.read(buffer, filled, buffer.length - filled);
      } catch (SocketTimeoutException | SocketException e) {
        return;
      }
      if (n < 0) {
        return;
      }
      filled += n;
    }
  }

  private static boolean wantsClose(ParsedRequest request) {
    String connection = request.header("Connection");
    if (connection != null && connection.toLowerCase(java.util.Locale.ROOT).contains("close")) {
      return true;
    }
    boolean keepAlive = connection != null && connection.toLowerCase(java.util.Locale.ROOT).contains("keep-alive");
    return request.version().equals("HTTP/1.0") && !keepAlive || request.isSimpleRequest();
  }

  private static BackendResponse withConnectionClose(BackendResponse response) {
    List<HeaderField> headers = new ArrayList<>(response.headers());
    headers.add(new HeaderField("Connection", "close"));
    return new BackendResponse(response.status(), headers, response.body());
  }

  private static BackendResponse plain(int status, String reason) {
    byte[] body = ByteStrings.bytes(reason + "\n");
    return new BackendResponse(status, List.of(new HeaderField("Content-Type", "text/plain; charset=utf-8"),
        new HeaderField("Content-Length", Integer.toString(body.length)), new HeaderField("Connection", "close")), body);
  }
}
