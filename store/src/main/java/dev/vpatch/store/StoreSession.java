package dev.vpatch.store;

import java.sql.Connection;

/** Repositories bound to one open transaction; valid only inside {@link Store#inTransaction}. */
public final class StoreSession {
  private final Connection connection;

  StoreSession(Connection connection) {
    this.connection = connection;
  }

  public VulnerabilityRepository vulnerabilities() {
    return new VulnerabilityRepository(connection, new IdCounters(connection));
  }

  public PatchRepository patches() {
    return new PatchRepository(connection, new IdCounters(connection));
  }

  public StateHistoryRepository history() {
    return new StateHistoryRepository(connection, new IdCounters(connection));
  }

  public AlertRepository alerts() {
    return new AlertRepository(connection, new IdCounters(connection));
  }
}
