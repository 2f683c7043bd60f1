package dev.vpatch.ftw.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.engine.RuleSet;
import dev.vpatch.ftw.crs.CrsTestSetup;
import dev.vpatch.ftw.load.TestFileLoader;
import dev.vpatch.ftw.model.FtwTest;
import dev.vpatch.ftw.support.CrsDirectory;
import dev.vpatch.ftw.support.EngineAvailability;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The whole CRS v4 regression suite in-process, as {@code vpatch ftw --crs} runs it (issue 2: at
 * least 4,978 of 5,003 must pass). Skipped while the engine is incomplete.
 */
class CrsRegressionSuiteTest {
  @Test
  void passesAtLeast4978Of5003CrsTests() {
    Path crs = CrsDirectory.get();
    RuleSet rules = EngineAvailability.orSkip(() -> CrsTestSetup.load(crs));
    List<FtwTest> tests = TestFileLoader.load(CrsTestSetup.testDirectories(crs));
    int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    RunReport report = EngineAvailability.orSkip(
        () -> new FtwRunner(new InProcessTarget(rules), null, null, List.of(), threads).run(tests));

    List<String> failures = report.failureLines(CrsTestSetup.testDirectories(crs));
    System.out.println(String.join("\n", failures));
    System.out.println(report.summary());
    assertThat(report.results()).hasSize(5003);
    assertThat(report.passed()).as(report.summary() + "\n" + String.join("\n", failures)).isGreaterThanOrEqualTo(4978);
  }
}
