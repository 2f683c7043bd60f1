package dev.vpatch.app.cli;

import static dev.vpatch.app.cli.CliRun.vpatch;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LifecycleCliTest {
  @TempDir Path dir;

  private Path report(String relative) {
    String crs = System.getProperty("vpatch.crs.dir", "../../shared/crs");
    return Path.of(crs).resolveSibling("reports").resolve(relative);
  }

  @Test
  void importPrintsCreatedVulnerabilitiesDraftPatchesAndSkippedFindings() {
    Path db = dir.resolve("vpatch.db");
    CliRun run = vpatch(db, "import", report("zap/zap.sarif.json").toString());

    assertThat(run.exit).as(run.toString()).isZero();
    assertThat(run.out).contains("zap.sarif.json: 3 findings, 3 vulnerabilities, 3 draft patches, 0 skipped")
        .contains("created VP-").contains("xss").contains("GET /bodgeit/search.jsp [query:q]")
        .contains("draft patch 3 (positive, rules 10000020-10000023)");

    CliRun list = vpatch(db, "vuln", "list");
    assertThat(list.out.lines()).hasSize(3).allSatisfy(line -> assertThat(line).startsWith("VP-").contains(" open "));
  }

  @Test
  void malformedReportExitsNonZeroAndImportsNothing() {
    Path db = dir.resolve("vpatch.db");
    CliRun run = vpatch(db, "import", report("zap/malformed.xml").toString());

    assertThat(run.exit).isEqualTo(1);
    assertThat(run.err).contains("malformed.xml:1:").contains("nothing was imported");
    assertThat(db).doesNotExist();
    assertThat(vpatch(db, "vuln", "list").out).isEmpty();
  }

  @Test
  void missingReportAndUnknownFormatAreClearErrors() {
    Path db = dir.resolve("vpatch.db");
    assertThat(vpatch(db, "import", dir.resolve("nope.xml").toString()).err).contains("cannot read");
    CliRun wrong = vpatch(db, "import", "--format", "qualys", report("zap/juicy2.xml").toString());
    assertThat(wrong.exit).isEqualTo(1);
    assertThat(wrong.err).contains("unknown report format 'qualys'");
  }

  @Test
  void manualVulnerabilityGetsAPositivePatchThatCannotBlockUntilTested() throws Exception {
    Path db = dir.resolve("state/vpatch.db");
    CliRun add = vpatch(db, "vuln", "add", "--title", "SQLi in reqID", "--class", "sqli", "--cve", "CVE-2026-0001",
        "--path", "/app/view.php", "--param", "reqID", "--poc", "GET /app/view.php?reqID=1%27%20or%201=1--",
        "--expect-status", "500", "--ticket", "https://tickets.example/7", "--discovered", "2026-03-01T10:00:00Z");
    assertThat(add.exit).as(add.toString()).isZero();
    assertThat(add.out).contains("created VP-2026-0001");

    CliRun generate = vpatch(db, "patch", "generate", "VP-2026-0001", "--shape", "integer:1-99999", "--actor", "alice");
    assertThat(generate.out).contains("generated patch 1 (positive, draft, rules 10000000-10000003)");

    CliRun block = vpatch(db, "patch", "deploy", "1", "--mode", "blocking", "--actor", "alice");
    assertThat(block.exit).isEqualTo(1);
    assertThat(block.err).contains("cannot block: its tests have not run");

    CliRun logOnly = vpatch(db, "patch", "deploy", "1", "--mode", "log-only", "--actor", "alice", "--reason", "trial");
    assertThat(logOnly.out).contains("patch 1 is now log-only");

    CliRun show = vpatch(db, "patch", "show", "1");
    assertThat(show.out).contains("mode:          log-only").contains("alice    draft -> log-only  trial")
        .contains("review due:");
    CliRun vuln = vpatch(db, "vuln", "show", "VP-2026-0001");
    assertThat(vuln.out).contains("CVE-2026-0001").contains("status 500").contains("1  log-only  positive");

    Path exported = dir.resolve("out/patches.conf");
    assertThat(vpatch(db, "patch", "export", "-o", exported.toString()).exit).isZero();
    assertThat(Files.readString(exported)).contains("mode log-only").contains("pass,tag:'vpatch/mode/log-only'")
        .doesNotContain("deny");
    assertThat(vpatch(db, "patch", "list").out).contains("1  VP-2026-0001  log-only  positive rules 10000000-10000003");
  }
}
