package dev.vpatch.app.cli;

import dev.vpatch.app.demo.DemoScenario;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vpatch demo}: virtual patching in one minute. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Start, on loopback, a small deliberately vulnerable store with a real SQL injection (the OWASP virtual patching"
          + " guide's exportsubscribers.php?reqID=N scenario, backed by SQLite) and vpatch in front of it with the"
          + " guide's positive virtual patch, then print curl commands that show the PoC leaking every subscriber"
          + " directly and getting 403 through vpatch. Runs until interrupted (Ctrl-C)."
    })
public final class DemoCommand implements Callable<Integer> {
  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "vpatch's port (default: ${DEFAULT-VALUE}; 0 picks one).")
  int port;

  @Option(names = "--app-port", paramLabel = "PORT", defaultValue = "8081",
      description = "The vulnerable app's port (default: ${DEFAULT-VALUE}; 0 picks one).")
  int appPort;

  @Option(names = "--fixed", description = "Run the app with the real fix (a prepared statement) instead of the vulnerable query.")
  boolean fixed;

  @Option(names = "--check", description = "Send the PoC directly and through vpatch, print the outcome and exit (0 when vpatch blocked it).")
  boolean check;

  @Override
  public Integer call() throws Exception {
    DemoScenario demo;
    try {
      demo = new DemoScenario(port, appPort, fixed);
    } catch (java.io.IOException e) {
      System.err.println("vpatch demo: cannot start (port in use? try --port 0 --app-port 0): " + e.getMessage());
      return 1;
    }
    if (check) {
      try (demo) {
        return demo.check(System.out) ? 0 : 1;
      }
    }
    demo.printInstructions(System.out);
    demo.check(System.out);
    System.out.println();
    System.out.println("Press Ctrl-C to stop.");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        demo.close();
      } catch (Exception e) {
        // shutting down anyway
      }
      stopped.countDown();
    }, "vpatch-demo-shutdown"));
    stopped.await();
    return 0;
  }
}
