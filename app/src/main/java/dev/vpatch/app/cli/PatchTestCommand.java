package dev.vpatch.app.cli;

import dev.vpatch.patches.PatchService;
import dev.vpatch.patches.generator.RuleIdRange;
import dev.vpatch.patches.verify.PatchTestRun;
import dev.vpatch.patches.verify.PatchTester;
import dev.vpatch.store.Store;
import dev.vpatch.store.model.Patch;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vpatch patch test ID [--target URL]}. */
@Command(name = "test", mixinStandardHelpOptions = true,
    description = "Run a patch's go-ftw tests: in-process against the engine with only this patch loaded, or over "
        + "the wire with --target (the patch must be deployed blocking there). Exit 0 when all pass.")
public final class PatchTestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Parameters(paramLabel = "ID") long id;
  @Option(names = "--target", description = "Base URL of a running vpatch proxy, e.g. http://127.0.0.1:8080.")
  String target;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Store store = DbOption.from(spec).open()) {
      PatchService service = new PatchService(store, RuleIdRange.DEFAULT);
      Patch patch = service.find(id);
      PatchTestRun run = PatchTester.run(patch, target);
      run.failures().forEach(line -> out.println("  FAIL " + line));
      service.recordTestOutcome(id, run.outcome());
      out.println("patch " + id + ": " + run.outcome().summary());
      return run.outcome().passed() ? 0 : 1;
    }
  }
}
