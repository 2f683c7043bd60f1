package dev.vpatch.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteRepositoryTest extends RepositoryContract {
  @TempDir Path dir;

  @Override
  protected Store openStore() {
    return Store.open(dir.resolve("nested/dir/vpatch.db").toString());
  }

  @Test
  void createsTheFileOnFirstUseInWalModeWithFullSync() throws Exception {
    assertThat(Files.exists(dir.resolve("nested/dir/vpatch.db"))).isTrue();
    try (Connection connection = java.sql.DriverManager.getConnection(
            "jdbc:sqlite:" + dir.resolve("nested/dir/vpatch.db"));
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("PRAGMA journal_mode")) {
      rows.next();
      assertThat(rows.getString(1)).isEqualToIgnoringCase("wal");
    }
  }

  @Test
  void reopeningKeepsDataAndDoesNotRemigrate() {
    String id = store.inTransaction(s -> s.vulnerabilities().insert(sqli(Instant.now()))).id();
    store.close();
    store = openStore();
    assertThat(store.inTransaction((StoreSession s) -> s.vulnerabilities().find(id))).isPresent();
  }

  @Test
  void jdbcSqliteUrlWorksToo() {
    store.close();
    store = Store.open("jdbc:sqlite:" + dir.resolve("other.db"));
    assertThat(store.inTransaction((StoreSession s) -> s.vulnerabilities().list())).isEmpty();
  }
}
