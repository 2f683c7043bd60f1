package dev.vpatch.app.cli;

import static dev.vpatch.app.cli.CliRun.vpatch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The CLI on PostgreSQL (--db JDBC URL); runs when VPATCH_TEST_PG_URL is set (source .ci/postgres.sh). */
class PostgresCliTest {
  @Test
  void importAndListOnPostgres() throws Exception {
    String url = System.getenv("VPATCH_TEST_PG_URL");
    assumeTrue(url != null && !url.isBlank(), "VPATCH_TEST_PG_URL not set");
    String schema = "cli_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    }
    String db = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    Path report = Path.of(System.getProperty("vpatch.crs.dir", "../../shared/crs")).resolveSibling("reports")
        .resolve("burp/seven_findings.xml");

    CliRun imported = vpatch(db, "import", report.toString());
    assertThat(imported.exit).as(imported.toString()).isZero();
    assertThat(imported.out).contains("16 findings, 4 vulnerabilities, 4 draft patches, 12 skipped");
    assertThat(vpatch(db, "vuln", "list").out.lines()).hasSize(4);
    assertThat(vpatch(db, "patch", "deploy", "1", "--mode", "log-only").out).contains("patch 1 is now log-only");
    assertThat(vpatch(db, "patch", "export").out).contains("mode log-only");
  }
}
