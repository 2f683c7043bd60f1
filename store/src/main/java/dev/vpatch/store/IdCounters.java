package dev.vpatch.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Named counters in a table, so id allocation is portable and commits or rolls back with the rows
 * that use the ids.
 */
final class IdCounters {
  private final Connection connection;

  IdCounters(Connection connection) {
    this.connection = connection;
  }

  /** Returns the next value of {@code name}, starting at {@code first} for a new counter. */
  long next(String name, long first) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE id_counters SET next_value = next_value + 1 WHERE name = ?")) {
      update.setString(1, name);
      if (update.executeUpdate() == 0) {
        try (PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO id_counters(name, next_value) VALUES (?, ?)")) {
          insert.setString(1, name);
          insert.setLong(2, first + 1);
          insert.executeUpdate();
        }
        return first;
      }
    }
    try (PreparedStatement select = connection.prepareStatement("SELECT next_value FROM id_counters WHERE name = ?")) {
      select.setString(1, name);
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return rows.getLong(1) - 1;
      }
    }
  }
}
