package dev.vpatch.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.store.model.Vulnerability;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A writer process killed with SIGKILL mid-stream loses no acknowledged write and leaves no torn one. */
class KillDuringWritesTest {
  @TempDir Path dir;

  @Test
  void acknowledgedWritesSurviveKillNine() throws Exception {
    String db = dir.resolve("vpatch.db").toString();
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), DurabilityWriter.class.getName(), db)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    List<String> acknowledged = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line = out.readLine();
      assertThat(line).isEqualTo("ready");
      while (acknowledged.size() < 40 && (line = out.readLine()) != null) {
        acknowledged.add(line);
      }
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
    }
    assertThat(acknowledged).hasSize(40);

    try (Store store = Store.open(db)) {
      List<Vulnerability> stored = store.inTransaction((StoreSession s) -> s.vulnerabilities().list());
      assertThat(stored).extracting(Vulnerability::id).containsAll(acknowledged);
      assertThat(stored).allSatisfy(v -> assertThat(v.pocs()).hasSize(2));
      String next = store.inTransaction(s -> s.vulnerabilities().insert(RepositoryContract.sqli(Instant.now()))).id();
      assertThat(stored).extracting(Vulnerability::id).doesNotContain(next);
    }
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("PRAGMA integrity_check")) {
      rows.next();
      assertThat(rows.getString(1)).isEqualTo("ok");
    }
  }
}
