package dev.vpatch.app.cli;

import dev.vpatch.app.admin.AdminServer;
import dev.vpatch.patches.PatchService;
import dev.vpatch.store.Store;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vpatch admin}: serves the token-protected REST API until stopped. */
@Command(name = "admin", mixinStandardHelpOptions = true,
    description = "Serve the admin REST API (vulnerabilities, imports, patches, tests, deploys, alerts, report).")
public final class AdminCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Option(names = "--listen", defaultValue = "127.0.0.1", description = "Address (default: ${DEFAULT-VALUE}).")
  String host;
  @Option(names = "--port", defaultValue = "9090", description = "Port (default: ${DEFAULT-VALUE}).") int port;
  @Option(names = "--token", defaultValue = "${env:VPATCH_ADMIN_TOKEN}",
      description = "Bearer token clients must send (default: env VPATCH_ADMIN_TOKEN).")
  String token;

  @Override
  public Integer call() throws Exception {
    try (Store store = DbOption.from(spec).open()) {
      PatchService patches = Webhooks.attach(new PatchService(store, RuleIdRangeOption.from(spec).range()),
          spec.commandLine().getErr());
      try (AdminServer server = new AdminServer(store, patches, host, port, token)) {
        spec.commandLine().getOut().println("vpatch admin API on http://" + host + ":" + server.port() + "/api/");
        spec.commandLine().getOut().flush();
        new CountDownLatch(1).await();
      }
    }
    return 0;
  }
}
