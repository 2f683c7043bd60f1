package dev.vpatch.patches.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.patches.PatchService;
import dev.vpatch.patches.generator.RuleIdRange;
import dev.vpatch.patches.importers.ReportImporter;
import dev.vpatch.store.Store;
import dev.vpatch.store.StoreSession;
import dev.vpatch.store.model.Patch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The draft patches generated from real scanner reports compile and pass their own tests in-process. */
class SharedReportDraftsTest {
  @TempDir Path dir;

  @Test
  void draftsFromScannerReportsPassTheirTests() throws Exception {
    Path reports = Path.of(System.getProperty("vpatch.crs.dir", "../../shared/crs")).resolveSibling("reports");
    try (Store store = Store.open(dir.resolve("vpatch.db").toString())) {
      ReportImporter importer = new ReportImporter(store, new PatchService(store, RuleIdRange.DEFAULT)::draftFor);
      for (String file : List.of("zap/zap.sarif.json", "burp/seven_findings.xml", "arachni/arachni.afr.json")) {
        importer.importReport(Files.readAllBytes(reports.resolve(file)), file, null);
      }
      List<String> failed = new ArrayList<>();
      List<Patch> patches = store.inTransaction((StoreSession s) -> s.patches().list());
      for (Patch patch : patches) {
        PatchTestRun run = PatchTester.run(patch, null);
        if (!run.outcome().passed()) {
          failed.add(patch.id() + " " + patch.title() + ": " + run.outcome().summary() + " " + run.failures());
        }
      }
      assertThat(patches).hasSize(8);
      assertThat(failed).isEmpty();
    }
  }
}
