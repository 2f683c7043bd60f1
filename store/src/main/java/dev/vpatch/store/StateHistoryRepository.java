package dev.vpatch.store;

import dev.vpatch.store.model.PatchMode;
import dev.vpatch.store.model.StateChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The append-only history of patch mode changes. */
public final class StateHistoryRepository {
  private final Connection connection;
  private final IdCounters counters;

  StateHistoryRepository(Connection connection, IdCounters counters) {
    this.connection = connection;
    this.counters = counters;
  }

  public StateChange record(long patchId, String actor, PatchMode from, PatchMode to, String reason, Instant at) {
    try {
      long id = counters.next("state-change", 1);
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO patch_state_changes"
          + "(id, patch_id, changed_at, actor, from_mode, to_mode, reason) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        Rows.bind(insert, id, patchId, StoredInstants.format(at), actor, from == null ? null : from.name(),
            to.name(), reason == null ? "" : reason);
        insert.executeUpdate();
      }
      return new StateChange(id, patchId, at, actor, from, to, reason == null ? "" : reason);
    } catch (SQLException e) {
      throw new StoreException("cannot record state change of patch " + patchId + ": " + e.getMessage(), e);
    }
  }

  /** Every change of one patch, oldest first. */
  public List<StateChange> of(long patchId) {
    return query("WHERE patch_id = ?", patchId);
  }

  /** Every change of every patch, oldest first. */
  public List<StateChange> all() {
    return query("");
  }

  private List<StateChange> query(String where, Object... args) {
    try (PreparedStatement select = connection.prepareStatement("SELECT id, patch_id, changed_at, actor, from_mode,"
        + " to_mode, reason FROM patch_state_changes " + where + " ORDER BY id")) {
      Rows.bind(select, args);
      List<StateChange> result = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          String from = rows.getString("from_mode");
          result.add(new StateChange(rows.getLong("id"), rows.getLong("patch_id"),
              StoredInstants.parse(rows.getString("changed_at")), rows.getString("actor"),
              from == null ? null : PatchMode.valueOf(from), PatchMode.valueOf(rows.getString("to_mode")),
              rows.getString("reason")));
        }
      }
      return result;
    } catch (SQLException e) {
      throw new StoreException("cannot read state history: " + e.getMessage(), e);
    }
  }
}
