package dev.vpatch.app.cli;

import dev.vpatch.patches.PatchService;
import dev.vpatch.patches.generator.RuleIdRange;
import dev.vpatch.patches.verify.Reassessment;
import dev.vpatch.store.Store;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vpatch patch reassess ID --origin URL}: does the vulnerability still reproduce on the origin? */
@Command(name = "reassess", mixinStandardHelpOptions = true,
    description = "Replay the PoC directly against the origin (bypassing the proxy) and compare with the stored "
        + "response signature. Exit 0 when fixed (the vulnerability is marked fixed), 3 when still vulnerable.")
public final class PatchReassessCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Parameters(paramLabel = "ID") long id;
  @Option(names = "--origin", description = "Origin base URL, e.g. http://127.0.0.1:8081 (default: env VPATCH_ORIGIN).")
  String origin;
  @Option(names = "--actor") String actor;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    String target = origin != null ? origin : System.getenv("VPATCH_ORIGIN");
    if (target == null || target.isBlank()) {
      spec.commandLine().getErr().println("vpatch patch reassess: give the origin with --origin URL");
      return 2;
    }
    try (Store store = DbOption.from(spec).open()) {
      PatchService service = new PatchService(store, RuleIdRange.DEFAULT);
      String vulnId = service.find(id).vulnId();
      Reassessment result;
      try {
        result = service.reassess(id, target);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 1;
      }
      result.details().forEach(line -> out.println("  " + line));
      if (result.reproduces()) {
        out.println(vulnId + " still reproduces on " + target + ": keep patch " + id);
        return 3;
      }
      out.println(vulnId + " no longer reproduces on " + target + ": marked fixed; retire the patch with "
          + "vpatch patch deploy " + id + " --mode retired");
      return 0;
    }
  }
}
