package dev.vpatch.app.cli;

import dev.vpatch.patches.alerts.AlertImport;
import dev.vpatch.patches.alerts.AlertStreamReader;
import dev.vpatch.patches.reports.ReportBuilder;
import dev.vpatch.patches.reports.ReportRenderer;
import dev.vpatch.store.Store;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vpatch report [--format text|json|html]} and {@code vpatch report import-alerts FILE}. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Per patch: hits over time, blocked and would-have-blocked, top sources; time to mitigate and fix "
        + "per vulnerability class; patches due for review; patches that never fired.",
    subcommands = {ReportCommand.ImportAlerts.class})
public final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Option(names = "--format", defaultValue = "text", description = "text, json or html (default: ${DEFAULT-VALUE}).")
  String format;
  @Option(names = {"-o", "--output"}, description = "Write to this file instead of standard output.") Path output;

  @Override
  public Integer call() throws IOException {
    try (Store store = DbOption.from(spec).open()) {
      String text = ReportRenderer.render(ReportBuilder.build(store, Instant.now()), format);
      if (output == null) {
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
      } else {
        Files.writeString(output, text, StandardCharsets.UTF_8);
        spec.commandLine().getOut().println("wrote " + output);
      }
    }
    return 0;
  }

  @Command(name = "import-alerts", mixinStandardHelpOptions = true,
      description = "Store the proxy's alert stream (JSON lines; '-' reads standard input), linked to patches by rule id.")
  static final class ImportAlerts implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "FILE") String file;

    @Override
    public Integer call() throws IOException {
      try (Store store = DbOption.from(spec).open();
          InputStreamReader in = new InputStreamReader("-".equals(file) ? System.in : Files.newInputStream(Path.of(file)),
              StandardCharsets.UTF_8)) {
        AlertImport result = new AlertStreamReader(store).read(in, file);
        spec.commandLine().getOut().printf("%s: %d alerts stored (%d for vpatch patches), %d already known%n", file,
            result.stored(), result.linkedToPatches(), result.duplicates());
      }
      return 0;
    }
  }
}
