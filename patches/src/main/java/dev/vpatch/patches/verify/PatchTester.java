package dev.vpatch.patches.verify;

import dev.vpatch.engine.RuleSet;
import dev.vpatch.engine.seclang.SecLangException;
import dev.vpatch.ftw.load.TestFileLoader;
import dev.vpatch.ftw.model.FtwTest;
import dev.vpatch.ftw.run.FtwRunner;
import dev.vpatch.ftw.run.InProcessTarget;
import dev.vpatch.ftw.run.RunReport;
import dev.vpatch.ftw.run.StageTarget;
import dev.vpatch.patches.PatchExport;
import dev.vpatch.store.model.Patch;
import dev.vpatch.store.model.PatchMode;
import dev.vpatch.store.model.TestOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Runs a patch's go-ftw tests with the ftw module's runner: in-process against the engine loaded
 * with vpatch's defaults and only this patch in blocking form, or over the wire against a proxy.
 * A patch whose rules do not compile fails its tests with the compiler's message.
 */
public final class PatchTester {
  private PatchTester() {}

  public static PatchTestRun run(Patch patch, String targetUrl) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("vpatch-test");
      Path file = dir.resolve("patch-" + patch.id() + ".yaml");
      Files.writeString(file, patch.testsYaml(), StandardCharsets.UTF_8);
      List<FtwTest> tests = TestFileLoader.loadFile(file);
      StageTarget target;
      if (targetUrl == null) {
        try {
          target = new InProcessTarget(RuleSet.builder().addVpatchDefaults()
              .addText(PatchExport.forMode(patch.seclang(), PatchMode.BLOCKING), "patch-" + patch.id() + ".conf").build());
        } catch (SecLangException e) {
          String summary = "0 passed, " + tests.size() + " failed: the patch does not compile: " + e.getMessage();
          return new PatchTestRun(new TestOutcome(Instant.now(), false, summary), List.of(e.getMessage()));
        }
      } else {
        target = new WireTarget(URI.create(targetUrl));
      }
      RunReport report = new FtwRunner(target).run(tests);
      boolean passed = report.failed() == 0 && !report.results().isEmpty();
      String summary = report.summary() + (targetUrl == null ? " (in-process)" : " (against " + targetUrl + ")");
      return new PatchTestRun(new TestOutcome(Instant.now(), passed, summary), report.failureLines(List.of(dir)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the patch's tests to a temporary file", e);
    } finally {
      deleteQuietly(dir);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (var files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(file);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // a leftover temp file is harmless
    }
  }
}
