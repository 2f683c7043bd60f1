package dev.vpatch.patches.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.patches.generator.GenerateOptions;
import dev.vpatch.patches.generator.GeneratedPatch;
import dev.vpatch.patches.generator.InputShapes;
import dev.vpatch.patches.generator.PatchGenerator;
import dev.vpatch.store.model.Location;
import dev.vpatch.store.model.ParamWhere;
import dev.vpatch.store.model.Patch;
import dev.vpatch.store.model.PatchMode;
import dev.vpatch.store.model.PocRequest;
import dev.vpatch.store.model.Vulnerability;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Generated patches run their own go-ftw tests in-process against the engine. */
class PatchTesterTest {
  static Vulnerability vulnerability(String vulnClass, String path, String param, ParamWhere where, PocRequest poc) {
    return Vulnerability.builder().id("VP-2026-0001").title("t").vulnClass(vulnClass)
        .location(new Location(poc.method(), path, param, where)).pocs(List.of(poc)).build();
  }

  static Patch patch(GeneratedPatch generated) {
    return new Patch(1, "VP-2026-0001", generated.title(), generated.model(), PatchMode.DRAFT, generated.seclang(),
        generated.ruleIds(), generated.testsYaml(), null, null, null, null);
  }

  @Test
  void positiveReqIdPatchPassesAllItsTestsIncludingEvasions() {
    Vulnerability v = vulnerability("sqli", "/app/view.php", "reqID", ParamWhere.QUERY,
        new PocRequest("GET", "/app/view.php?reqID=1%27%20or%20%271%27%3D%271", "", ""));
    GeneratedPatch generated = new PatchGenerator().generate(v, 1, 10_000_000L,
        new GenerateOptions(InputShapes.parse("integer:1-99999"), List.of(), false, false));

    PatchTestRun run = PatchTester.run(patch(generated), null);

    assertThat(run.failures()).isEmpty();
    assertThat(run.outcome().passed()).isTrue();
    assertThat(run.outcome().summary()).matches("\\d+ passed, 0 failed \\(in-process\\)");
  }

  @Test
  void negativePathTraversalPatchPassesItsTests() {
    Vulnerability v = vulnerability("path-traversal", "/download", "file", ParamWhere.QUERY,
        new PocRequest("GET", "/download?file=..%2F..%2Fetc%2Fpasswd", "", ""));
    GeneratedPatch generated = new PatchGenerator().generate(v, 1, 10_000_000L,
        new GenerateOptions(null, List.of("report.pdf", "2026/q1.csv"), true, false));

    PatchTestRun run = PatchTester.run(patch(generated), null);

    assertThat(run.failures()).isEmpty();
    assertThat(run.outcome().passed()).isTrue();
  }

  @Test
  void aPatchThatMissesThePocFailsWithTheFailingTestsNamed() {
    Vulnerability v = vulnerability("path-traversal", "/download", "file", ParamWhere.QUERY,
        new PocRequest("GET", "/download?file=harmless", "", ""));
    GeneratedPatch generated = new PatchGenerator().generate(v, 1, 10_000_000L, GenerateOptions.AUTOMATIC);

    PatchTestRun run = PatchTester.run(patch(generated), null);

    assertThat(run.outcome().passed()).isFalse();
    assertThat(run.failures()).anySatisfy(line -> assertThat(line).contains("patch-1.yaml"));
  }
}
