package dev.vpatch.store;

import dev.vpatch.store.model.Patch;
import dev.vpatch.store.model.PatchMode;
import dev.vpatch.store.model.PatchModel;
import dev.vpatch.store.model.TestOutcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Virtual patches and the rule ids they own. */
public final class PatchRepository {
  private static final String COLUMNS = "id, vuln_id, title, model, mode, seclang, tests_yaml, review_due,"
      + " last_test_at, last_test_passed, last_test_summary, created_at, updated_at";

  private final Connection connection;
  private final IdCounters counters;

  PatchRepository(Connection connection, IdCounters counters) {
    this.connection = connection;
    this.counters = counters;
  }

  /** The next free patch id; ids are never reused. */
  public long nextId() {
    try {
      return counters.next("patch", 1);
    } catch (SQLException e) {
      throw new StoreException("cannot allocate a patch id: " + e.getMessage(), e);
    }
  }

  /**
   * First id of a free block of {@code blockSize} rule ids in [first, last], aligned to the block
   * size and above every rule id already taken there.
   */
  public long nextRuleIdBlock(long first, long last, int blockSize) {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT MAX(rule_id) FROM patch_rule_ids WHERE rule_id BETWEEN ? AND ?")) {
      Rows.bind(select, first, last);
      long start = first;
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        long max = rows.getLong(1);
        if (!rows.wasNull()) {
          start = first + ((max - first) / blockSize + 1) * blockSize;
        }
      }
      if (start + blockSize - 1 > last) {
        throw new StoreException("the rule id range " + first + "-" + last
            + " is exhausted: configure a larger range (--rule-id-range) or delete retired patches");
      }
      return start;
    } catch (SQLException e) {
      throw new StoreException("cannot allocate rule ids: " + e.getMessage(), e);
    }
  }

  /** Stores a patch with the id it carries (from {@link #nextId}). */
  public Patch insert(Patch patch) {
    try {
      String now = StoredInstants.format(Instant.now());
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO patches(" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        Rows.bind(insert, patch.id(), patch.vulnId(), patch.title(), patch.model().label(), patch.mode().name(),
            patch.seclang(), patch.testsYaml(), StoredInstants.formatDate(patch.reviewDue()),
            lastTestAt(patch), lastTestPassed(patch), lastTestSummary(patch), now, now);
        insert.executeUpdate();
      }
      insertRuleIds(patch);
      return find(patch.id()).orElseThrow();
    } catch (SQLException e) {
      throw new StoreException("cannot store patch " + patch.id() + ": " + e.getMessage(), e);
    }
  }

  /** Replaces the mutable parts of a patch: mode, text, rule ids, tests, review date, last test. */
  public Patch update(Patch patch) {
    try {
      try (PreparedStatement update = connection.prepareStatement("UPDATE patches SET title = ?, mode = ?, seclang = ?,"
          + " tests_yaml = ?, review_due = ?, last_test_at = ?, last_test_passed = ?, last_test_summary = ?,"
          + " updated_at = ? WHERE id = ?")) {
        Rows.bind(update, patch.title(), patch.mode().name(), patch.seclang(), patch.testsYaml(),
            StoredInstants.formatDate(patch.reviewDue()), lastTestAt(patch), lastTestPassed(patch),
            lastTestSummary(patch), StoredInstants.format(Instant.now()), patch.id());
        if (update.executeUpdate() == 0) {
          throw new StoreException("no patch " + patch.id());
        }
      }
      try (PreparedStatement delete = connection.prepareStatement("DELETE FROM patch_rule_ids WHERE patch_id = ?")) {
        delete.setLong(1, patch.id());
        delete.executeUpdate();
      }
      insertRuleIds(patch);
      return find(patch.id()).orElseThrow();
    } catch (SQLException e) {
      throw new StoreException("cannot update patch " + patch.id() + ": " + e.getMessage(), e);
    }
  }

  public Optional<Patch> find(long id) {
    return query("WHERE id = ?", id).stream().findFirst();
  }

  /** The patch owning a rule id, if any. */
  public Optional<Patch> findByRuleId(long ruleId) {
    return query("WHERE id IN (SELECT patch_id FROM patch_rule_ids WHERE rule_id = ?)", ruleId).stream().findFirst();
  }

  public List<Patch> forVulnerability(String vulnId) {
    return query("WHERE vuln_id = ?", vulnId);
  }

  public List<Patch> list() {
    return query("");
  }

  /** Patches in log-only or blocking mode: what the proxy enforces. */
  public List<Patch> active() {
    return query("WHERE mode IN (?, ?)", PatchMode.LOG_ONLY.name(), PatchMode.BLOCKING.name());
  }

  /**
   * A token that changes whenever any patch changes (count and latest update), so a proxy can poll
   * cheaply and reload its rules only on change.
   */
  public String changeToken() {
    try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*), MAX(updated_at) FROM patches")) {
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return rows.getLong(1) + "@" + rows.getString(2);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read patches: " + e.getMessage(), e);
    }
  }

  private List<Patch> query(String where, Object... args) {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT " + COLUMNS + " FROM patches " + where + " ORDER BY id")) {
      Rows.bind(select, args);
      List<Patch> result = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          result.add(read(rows));
        }
      }
      List<Patch> withRuleIds = new ArrayList<>(result.size());
      for (Patch p : result) {
        withRuleIds.add(new Patch(p.id(), p.vulnId(), p.title(), p.model(), p.mode(), p.seclang(), ruleIds(p.id()),
            p.testsYaml(), p.reviewDue(), p.lastTest(), p.createdAt(), p.updatedAt()));
      }
      return withRuleIds;
    } catch (SQLException e) {
      throw new StoreException("cannot read patches: " + e.getMessage(), e);
    }
  }

  private static Patch read(ResultSet rows) throws SQLException {
    Integer passed = Rows.nullableInt(rows, "last_test_passed");
    TestOutcome lastTest = passed == null ? null : new TestOutcome(
        StoredInstants.parse(rows.getString("last_test_at")), passed != 0, rows.getString("last_test_summary"));
    return new Patch(rows.getLong("id"), rows.getString("vuln_id"), rows.getString("title"),
        PatchModel.parse(rows.getString("model")), PatchMode.valueOf(rows.getString("mode")),
        rows.getString("seclang"), List.of(), rows.getString("tests_yaml"),
        StoredInstants.parseDate(rows.getString("review_due")), lastTest,
        StoredInstants.parse(rows.getString("created_at")), StoredInstants.parse(rows.getString("updated_at")));
  }

  private List<Long> ruleIds(long patchId) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT rule_id FROM patch_rule_ids WHERE patch_id = ? ORDER BY rule_id")) {
      select.setLong(1, patchId);
      List<Long> ids = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getLong(1));
        }
      }
      return ids;
    }
  }

  private void insertRuleIds(Patch patch) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO patch_rule_ids(rule_id, patch_id) VALUES (?, ?)")) {
      for (long ruleId : patch.ruleIds()) {
        Rows.bind(insert, ruleId, patch.id());
        insert.executeUpdate();
      }
    }
  }

  private static String lastTestAt(Patch patch) {
    return patch.lastTest() == null ? null : StoredInstants.format(patch.lastTest().at());
  }

  private static Integer lastTestPassed(Patch patch) {
    return patch.lastTest() == null ? null : patch.lastTest().passed() ? 1 : 0;
  }

  private static String lastTestSummary(Patch patch) {
    return patch.lastTest() == null ? null : patch.lastTest().summary();
  }
}
