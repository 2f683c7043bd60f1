package dev.vpatch.app.cli;

import dev.vpatch.patches.PatchService;
import dev.vpatch.patches.generator.GenerateOptions;
import dev.vpatch.patches.generator.InputShapes;
import dev.vpatch.store.Store;
import dev.vpatch.store.StoreSession;
import dev.vpatch.store.model.Patch;
import dev.vpatch.store.model.PatchMode;
import dev.vpatch.store.model.StateChange;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vpatch patch list|show|generate|test|deploy|export|history}. */
@Command(name = "patch", mixinStandardHelpOptions = true, description = "Manage virtual patches.",
    subcommands = {PatchCommand.ListPatches.class, PatchCommand.ShowPatch.class, PatchCommand.Generate.class,
        PatchTestCommand.class, PatchCommand.Deploy.class, PatchCommand.Export.class, PatchReassessCommand.class})
public final class PatchCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static String actor(String given) {
    if (given != null && !given.isBlank()) {
      return given;
    }
    String user = System.getenv("USER");
    return user == null || user.isBlank() ? "cli" : user;
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "One line per patch.")
  static final class ListPatches implements Callable<Integer> {
      @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Store store = DbOption.from(spec).open()) {
        for (Patch p : store.inTransaction((StoreSession s) -> s.patches().list())) {
          String tests = p.lastTest() == null ? "untested" : p.lastTest().passed() ? "tests pass" : "tests FAIL";
          out.printf("%d  %-13s %-9s %-8s rules %-17s %-10s review %s  %s%n", p.id(), p.vulnId(), p.mode().label(),
              p.model().label(), Formats.ruleIds(p.ruleIds()), tests, p.reviewDue() == null ? "-" : p.reviewDue(),
              p.title());
        }
      }
      return 0;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "A patch's SecLang, tests, state and history.")
  static final class ShowPatch implements Callable<Integer> {
      @Spec CommandSpec spec;
    @Parameters(paramLabel = "ID") long id;
    @Option(names = "--tests", description = "Also print the go-ftw YAML tests.") boolean tests;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Store store = DbOption.from(spec).open()) {
        Patch p = store.inTransaction((StoreSession s) -> s.patches().find(id))
            .orElseThrow(() -> new IllegalArgumentException("no patch " + id + " (see vpatch patch list)"));
        List<StateChange> history = store.inTransaction((StoreSession s) -> s.history().of(id));
        out.println("patch " + p.id() + "  " + p.title());
        out.println("  vulnerability: " + p.vulnId());
        out.println("  model:         " + p.model().label());
        out.println("  mode:          " + p.mode().label());
        out.println("  rule ids:      " + Formats.ruleIds(p.ruleIds()));
        out.println("  review due:    " + (p.reviewDue() == null ? "-" : p.reviewDue()));
        out.println("  last test:     " + (p.lastTest() == null ? "never" : (p.lastTest().passed() ? "passed" : "FAILED")
            + " at " + Formats.time(p.lastTest().at()) + ": " + p.lastTest().summary()));
        out.println("  history:");
        for (StateChange c : history) {
          out.printf("    %s  %-8s %s -> %s  %s%n", Formats.time(c.at()), c.actor(),
              c.from() == null ? "-" : c.from().label(), c.to().label(), c.reason());
        }
        out.println();
        out.print(p.seclang());
        if (tests) {
          out.println();
          out.print(p.testsYaml());
        }
      }
      return 0;
    }
  }

  @Command(name = "generate", mixinStandardHelpOptions = true,
      description = "Generate a draft patch for a vulnerability: positive when the input shape is given or can be "
          + "inferred from --sample values, negative (class-based) otherwise.")
  static final class Generate implements Callable<Integer> {
        @Spec CommandSpec spec;
    @Parameters(paramLabel = "VULN_ID") String vulnId;
    @Option(names = "--shape", description = "integer:MIN-MAX, uuid, enum:A,B,C, date, email or charset:CLASSES:MIN-MAX")
    String shape;
    @Option(names = "--sample", description = "A legitimate value (repeatable); the shape is inferred from them.")
    List<String> samples = new ArrayList<>();
    @Option(names = "--negative", description = "Class-based patch even if the shape is known.") boolean negative;
    @Option(names = "--optional", description = "The parameter may be absent (positive patches).") boolean optional;
    @Option(names = "--actor") String actor;

    @Override
    public Integer call() {
      try (Store store = DbOption.from(spec).open()) {
        PatchService service = new PatchService(store, RuleIdRangeOption.from(spec).range());
        Patch p = service.generate(vulnId, new GenerateOptions(shape == null ? null : InputShapes.parse(shape), samples,
            negative, optional), actor(actor));
        spec.commandLine().getOut().printf("generated patch %d (%s, draft, rules %s): %s%n", p.id(), p.model().label(),
            Formats.ruleIds(p.ruleIds()), p.title());
      }
      return 0;
    }
  }

  @Command(name = "deploy", mixinStandardHelpOptions = true,
      description = "Change a patch's mode. Blocking is refused while its tests fail; reassess replays the PoC.")
  static final class Deploy implements Callable<Integer> {
        @Spec CommandSpec spec;
    @Parameters(paramLabel = "ID") long id;
    @Option(names = "--mode", required = true, description = "log-only, blocking, disabled, retired or reassess")
    String mode;
    @Option(names = "--reason", defaultValue = "") String reason;
    @Option(names = "--actor") String actor;
    @Option(names = "--origin", description = "With --mode reassess: the origin URL to replay the PoC against.")
    String origin;

    @Override
    public Integer call() {
      if ("reassess".equalsIgnoreCase(mode)) {
        PatchReassessCommand reassess = new PatchReassessCommand();
        reassess.spec = spec;
        reassess.id = id;
        reassess.origin = origin;
        reassess.actor = actor;
        return reassess.call();
      }
      PatchMode target = PatchMode.parse(mode);
      try (Store store = DbOption.from(spec).open()) {
        PatchService service = Webhooks.attach(new PatchService(store, RuleIdRangeOption.from(spec).range()), spec.commandLine().getErr());
        Patch p = service.deploy(id, target, actor(actor), reason);
        spec.commandLine().getOut().printf("patch %d is now %s (rules %s)%n", p.id(), p.mode().label(),
            Formats.ruleIds(p.ruleIds()));
      }
      return 0;
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Write the active patches as one SecLang file for the proxy (log-only rules never disrupt).")
  static final class Export implements Callable<Integer> {
      @Spec CommandSpec spec;
    @Option(names = {"-o", "--output"}, description = "File to write atomically (default: standard output).") Path output;

    @Override
    public Integer call() throws IOException {
      try (Store store = DbOption.from(spec).open()) {
        String text = new PatchService(store, dev.vpatch.patches.generator.RuleIdRange.DEFAULT).export();
        if (output == null) {
          spec.commandLine().getOut().print(text);
        } else {
          Path parent = output.toAbsolutePath().getParent();
          Files.createDirectories(parent);
          Path temp = Files.createTempFile(parent, ".vpatch-export", ".tmp");
          Files.writeString(temp, text, StandardCharsets.ISO_8859_1);
          Files.move(temp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
          spec.commandLine().getOut().println("wrote " + output);
        }
      }
      return 0;
    }
  }
}
