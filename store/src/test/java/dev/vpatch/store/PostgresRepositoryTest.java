package dev.vpatch.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

/**
 * The same contract on PostgreSQL, each test in a fresh schema. Runs when VPATCH_TEST_PG_URL is set
 * (source .ci/postgres.sh to start a local server).
 */
class PostgresRepositoryTest extends RepositoryContract {
  static final String URL = System.getenv("VPATCH_TEST_PG_URL");

  @Override
  protected Store openStore() {
    assumeTrue(URL != null && !URL.isBlank(), "VPATCH_TEST_PG_URL not set: source .ci/postgres.sh");
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection connection = DriverManager.getConnection(URL); Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    } catch (Exception e) {
      throw new IllegalStateException("cannot prepare schema on " + URL, e);
    }
    return Store.open(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema);
  }
}
