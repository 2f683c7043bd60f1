package dev.vpatch.app.cli;

import dev.vpatch.patches.PatchService;
import dev.vpatch.patches.importers.ImportResult;
import dev.vpatch.patches.importers.ReportFormat;
import dev.vpatch.patches.importers.ReportFormatException;
import dev.vpatch.patches.importers.ReportImporter;
import dev.vpatch.patches.importers.SkippedFinding;
import dev.vpatch.store.Store;
import dev.vpatch.store.model.Patch;
import dev.vpatch.store.model.Vulnerability;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vpatch import REPORT}. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Import a scanner report (ZAP XML/JSON/SARIF, Burp XML, Nuclei JSON/JSONL, Arachni JSON) into "
        + "vulnerabilities and draft patches. A report that cannot be read imports nothing.")
public final class ImportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "REPORT", description = "The report file.")
  Path report;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "zap, burp, nuclei, arachni or sarif (default: detected from the content).")
  String format;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    byte[] content;
    try {
      content = Files.readAllBytes(report);
    } catch (IOException e) {
      err.println("vpatch import: cannot read " + report + ": " + e.getMessage());
      return 1;
    }
    ReportFormat declared;
    try {
      declared = format == null ? null : ReportFormat.parse(format);
      // Read the whole report before touching the database, so a broken one leaves no trace.
      new ReportImporter(null, null).triage(content, report.getFileName().toString(), declared);
    } catch (ReportFormatException e) {
      err.println("vpatch import: " + e.getMessage());
      err.println("vpatch import: nothing was imported");
      return 1;
    }
    try (Store store = DbOption.from(spec).open()) {
      PatchService patches = new PatchService(store, RuleIdRangeOption.from(spec).range());
      ReportImporter importer = new ReportImporter(store, patches::draftFor);
      ImportResult result = importer.importReport(content, report.getFileName().toString(),
          declared);
      print(result, out);
      return 0;
    } catch (ReportFormatException e) {
      err.println("vpatch import: " + e.getMessage());
      err.println("vpatch import: nothing was imported");
      return 1;
    }
  }

  private static void print(ImportResult result, PrintWriter out) {
    int skipped = result.skipped().stream().mapToInt(SkippedFinding::count).sum();
    out.printf("%s: %d findings, %d vulnerabilities, %d draft patches, %d skipped%n", result.file(), result.findings(),
        result.vulnerabilities().size(), result.draftPatches().size(), skipped);
    for (int i = 0; i < result.vulnerabilities().size(); i++) {
      Vulnerability v = result.vulnerabilities().get(i);
      out.printf("  created %s  %-8s %-16s %s%n", v.id(), v.severity().label(), v.vulnClass(), v.location().describe());
      if (i < result.draftPatches().size()) {
        Patch p = result.draftPatches().get(i);
        out.printf("          draft patch %d (%s, rules %s)%n", p.id(), p.model().label(), Formats.ruleIds(p.ruleIds()));
      }
    }
    if (!result.skipped().isEmpty()) {
      out.println("Skipped:");
      for (SkippedFinding s : result.skipped()) {
        out.printf("  %s %s x%d \"%s\": %s%n", s.tool(), s.ruleId(), s.count(), s.name(), s.reason());
      }
    }
  }
}
