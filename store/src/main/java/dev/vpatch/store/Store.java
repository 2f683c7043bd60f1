package dev.vpatch.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The vpatch database: a SQLite file (default, created on first use) or PostgreSQL (a
 * {@code jdbc:postgresql:} URL). Opening migrates the schema with Flyway. All reads and writes go
 * through {@link #inTransaction}: one transaction per unit of work, committed durably before it returns.
 *
 * <p>SQLite runs in WAL mode with {@code synchronous=FULL}, so a write acknowledged by a returned
 * {@code inTransaction} survives a kill -9 or power loss; writers take the lock up front
 * ({@code BEGIN IMMEDIATE}) and wait up to 10 s for each other.
 */
public final class Store implements AutoCloseable {
  public static final String DEFAULT_LOCATION = "vpatch.db";

  private final HikariDataSource dataSource;
  private final String description;

  private Store(HikariDataSource dataSource, String description) {
    this.dataSource = dataSource;
    this.description = description;
  }

  /** Opens (creating and migrating as needed) the database at a file path or JDBC URL. */
  public static Store open(String location) {
    String target = location == null || location.isBlank() ? DEFAULT_LOCATION : location.trim();
    HikariConfig config = new HikariConfig();
    config.setPoolName("vpatch-store");
    config.setMaximumPoolSize(4);
    config.setMinimumIdle(0);
    config.setAutoCommit(false);
    config.setConnectionTimeout(15_000);
    String description;
    if (target.toLowerCase(Locale.ROOT).startsWith("jdbc:")) {
      if (target.startsWith("jdbc:sqlite:")) {
        configureSqlite(config, target);
      } else {
        config.setJdbcUrl(target);
      }
      description = redactPassword(target);
    } else {
      Path file = Path.of(target).toAbsolutePath().normalize();
      try {
        Files.createDirectories(file.getParent());
      } catch (IOException e) {
        throw new StoreException("cannot create the directory for database " + file + ": " + e.getMessage(), e);
      }
      configureSqlite(config, "jdbc:sqlite:" + file);
      description = file.toString();
    }
    HikariDataSource dataSource;
    try {
      dataSource = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreException("cannot open database " + description + ": " + rootMessage(e)
          + " (give a SQLite file path or a jdbc:postgresql://host:port/db?user=...&password=... URL with --db)", e);
    }
    try {
      Flyway.configure(Store.class.getClassLoader())
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .failOnMissingLocations(true)
          .load()
          .migrate();
    } catch (FlywayException e) {
      dataSource.close();
      throw new StoreException("cannot migrate database " + description + ": " + rootMessage(e), e);
    }
    return new Store(dataSource, description);
  }

  private static void configureSqlite(HikariConfig config, String url) {
    config.setJdbcUrl(url);
    config.addDataSourceProperty("journal_mode", "WAL");
    config.addDataSourceProperty("synchronous", "FULL");
    config.addDataSourceProperty("foreign_keys", "true");
    config.addDataSourceProperty("busy_timeout", "10000");
    // DEFERRED: an idle pooled connection (sqlite-jdbc begins the next transaction right after a
    // commit) must not hold the write lock, or a long-running reader such as the proxy would lock
    // out every other vpatch process.
    config.addDataSourceProperty("transaction_mode", "DEFERRED");
  }

  /** Where this store lives, for messages (passwords removed). */
  public String description() {
    return description;
  }

  /** Runs {@code work} in one transaction: all of its writes commit together or not at all. */
  public <T> T inTransaction(Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      try {
        T result = work.run(new StoreSession(connection));
        connection.commit();
        return result;
      } catch (RuntimeException | SQLException e) {
        rollbackQuietly(connection, e);
        if (e instanceof SQLException sql) {
          throw new StoreException("database error in " + description + ": " + sql.getMessage(), sql);
        }
        throw (RuntimeException) e;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot use database " + description + ": " + e.getMessage(), e);
    }
  }

  /** Runs {@code work} in one transaction, for work without a result. */
  public void inTransactionDo(VoidWork work) {
    inTransaction(session -> {
      work.run(session);
      return null;
    });
  }

  @Override
  public void close() {
    dataSource.close();
  }

  private static void rollbackQuietly(Connection connection, Exception cause) {
    try {
      connection.rollback();
    } catch (SQLException rollbackFailure) {
      cause.addSuppressed(rollbackFailure);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  private static String redactPassword(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1***");
  }

  /** A unit of work with a result. */
  @FunctionalInterface
  public interface Work<T> {
    T run(StoreSession session) throws SQLException;
  }

  /** A unit of work without a result. */
  @FunctionalInterface
  public interface VoidWork {
    void run(StoreSession session) throws SQLException;
  }
}
