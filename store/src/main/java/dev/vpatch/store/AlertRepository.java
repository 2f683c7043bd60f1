package dev.vpatch.store;

import dev.vpatch.store.model.Alert;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Alerts from the proxy's alert stream, linked to the patch and vulnerability owning the rule id. */
public final class AlertRepository {
  private static final String COLUMNS = "id, occurred_at, transaction_id, client, method, uri, rule_id, patch_id,"
      + " vuln_id, msg, variable, data, action";

  private final Connection connection;
  private final IdCounters counters;

  AlertRepository(Connection connection, IdCounters counters) {
    this.connection = connection;
    this.counters = counters;
  }

  /**
   * Stores an alert unless the same event (transaction id, rule id, time) is already stored;
   * returns whether it was new, so re-importing a stream is harmless.
   */
  public boolean insert(Alert alert) {
    try {
      if (alert.transactionId() != null && exists(alert)) {
        return false;
      }
      long id = counters.next("alert", 1);
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO alerts(" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        Rows.bind(insert, id, StoredInstants.format(alert.at()), alert.transactionId(), alert.client(), alert.method(),
            alert.uri(), alert.ruleId(), alert.patchId(), alert.vulnId(), alert.msg(), alert.variable(), alert.data(),
            alert.action());
        insert.executeUpdate();
      }
      return true;
    } catch (SQLException e) {
      throw new StoreException("cannot store alert for rule " + alert.ruleId() + ": " + e.getMessage(), e);
    }
  }

  public List<Alert> list() {
    return query("");
  }

  public List<Alert> forPatch(long patchId) {
    return query("WHERE patch_id = ?", patchId);
  }

  private boolean exists(Alert alert) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT 1 FROM alerts WHERE transaction_id = ? AND rule_id = ? AND occurred_at = ?")) {
      Rows.bind(select, alert.transactionId(), alert.ruleId(), StoredInstants.format(alert.at()));
      try (ResultSet rows = select.executeQuery()) {
        return rows.next();
      }
    }
  }

  private List<Alert> query(String where, Object... args) {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT " + COLUMNS + " FROM alerts " + where + " ORDER BY occurred_at, id")) {
      Rows.bind(select, args);
      List<Alert> result = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          result.add(new Alert(rows.getLong("id"), StoredInstants.parse(rows.getString("occurred_at")),
              rows.getString("transaction_id"), rows.getString("client"), rows.getString("method"),
              rows.getString("uri"), rows.getLong("rule_id"), Rows.nullableLong(rows, "patch_id"),
              rows.getString("vuln_id"), rows.getString("msg"), rows.getString("variable"), rows.getString("data"),
              rows.getString("action")));
        }
      }
      return result;
    } catch (SQLException e) {
      throw new StoreException("cannot read alerts: " + e.getMessage(), e);
    }
  }
}
