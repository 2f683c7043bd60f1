package dev.vpatch.app.cli;

import dev.vpatch.ftw.backend.TestBackendServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vpatch testbackend}. */
@Command(
    name = "testbackend",
    mixinStandardHelpOptions = true,
    description = {
      "Run an albedo-compatible test backend (the backend of CRS's test setup) until interrupted.",
      "Any request gets 200 with an empty body; POST /reflect answers with the status, headers and body of its JSON"
          + " body: {\"status\": 200, \"headers\": {\"Name\": \"value\"}, \"body\": \"...\"} (or base64 \"encodedBody\")."
    })
public final class TestBackendCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--listen", paramLabel = "HOST:PORT", description = "Address to listen on (default: 127.0.0.1:8080).")
  String listen = "127.0.0.1:8080";

  @Option(names = "--max-connections", paramLabel = "N", description = "Connections served at once (default: 256).")
  int maxConnections = 256;

  @Override
  public Integer call() throws IOException, InterruptedException {
    int colon = listen.lastIndexOf(':');
    if (colon <= 0) {
      spec.commandLine().getErr().println("vpatch testbackend: --listen must be HOST:PORT, got " + listen);
      return 2;
    }
    int port;
    try {
      port = Integer.parseInt(listen.substring(colon + 1));
    } catch (NumberFormatException e) {
      spec.commandLine().getErr().println("vpatch testbackend: --listen port is not a number: " + listen);
      return 2;
    }
    String host = listen.substring(0, colon).replace("[", "").replace("]", "");
    CountDownLatch stopped = new CountDownLatch(1);
    try (TestBackendServer server = TestBackendServer.start(new InetSocketAddress(host, port), maxConnections)) {
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
      spec.commandLine().getOut().println("test backend listening on http://" + listen
          .substring(0, colon) + ":" + server.address().getPort());
      spec.commandLine().getOut().flush();
      stopped.await();
    }
    return 0;
  }
}
