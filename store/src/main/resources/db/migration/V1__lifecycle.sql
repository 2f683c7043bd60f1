-- vpatch store, schema 1. Portable SQL: the same file runs on SQLite and PostgreSQL.
-- Timestamps are ISO-8601 UTC text with millisecond precision (sortable as text);
-- booleans are INTEGER 0/1; ids come from id_counters, not from vendor-specific sequences.

CREATE TABLE id_counters (
  name        VARCHAR(64) PRIMARY KEY,
  next_value  BIGINT NOT NULL
);

CREATE TABLE vulnerabilities (
  id                 VARCHAR(32) PRIMARY KEY,
  title              TEXT NOT NULL,
  vuln_class         VARCHAR(64) NOT NULL,
  cwe                INTEGER,
  cves               TEXT NOT NULL DEFAULT '',
  severity           VARCHAR(16) NOT NULL,
  description        TEXT,
  affected_software  TEXT,
  affected_versions  TEXT,
  trigger_config     TEXT,
  loc_method         VARCHAR(16),
  loc_path           TEXT,
  loc_parameter      TEXT,
  loc_where          VARCHAR(16),
  source_kind        VARCHAR(16) NOT NULL,
  source_tool        VARCHAR(64),
  source_file        TEXT,
  source_finding     TEXT,
  ticket_url         TEXT,
  sig_status         INTEGER,
  sig_body_pattern   TEXT,
  sig_min_millis     BIGINT,
  discovered_at      VARCHAR(32) NOT NULL,
  first_mitigated_at VARCHAR(32),
  fixed_at           VARCHAR(32),
  created_at         VARCHAR(32) NOT NULL,
  updated_at         VARCHAR(32) NOT NULL
);

CREATE TABLE poc_requests (
  vuln_id   VARCHAR(32) NOT NULL REFERENCES vulnerabilities(id) ON DELETE CASCADE,
  seq       INTEGER NOT NULL,
  method    VARCHAR(16) NOT NULL,
  uri       TEXT NOT NULL,
  headers   TEXT NOT NULL DEFAULT '',
  body      TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (vuln_id, seq)
);

CREATE TABLE patches (
  id                 BIGINT PRIMARY KEY,
  vuln_id            VARCHAR(32) REFERENCES vulnerabilities(id),
  title              TEXT NOT NULL,
  model              VARCHAR(16) NOT NULL,
  mode               VARCHAR(16) NOT NULL,
  seclang            TEXT NOT NULL,
  tests_yaml         TEXT NOT NULL DEFAULT '',
  review_due         VARCHAR(10),
  last_test_at       VARCHAR(32),
  last_test_passed   INTEGER,
  last_test_summary  TEXT,
  created_at         VARCHAR(32) NOT NULL,
  updated_at         VARCHAR(32) NOT NULL
);
CREATE INDEX patches_by_vuln ON patches(vuln_id);

-- One row per rule id a patch owns: the primary key keeps rule ids unique across all patches.
CREATE TABLE patch_rule_ids (
  rule_id   BIGINT PRIMARY KEY,
  patch_id  BIGINT NOT NULL REFERENCES patches(id) ON DELETE CASCADE
);
CREATE INDEX patch_rule_ids_by_patch ON patch_rule_ids(patch_id);

CREATE TABLE patch_state_changes (
  id         BIGINT PRIMARY KEY,
  patch_id   BIGINT NOT NULL REFERENCES patches(id) ON DELETE CASCADE,
  changed_at VARCHAR(32) NOT NULL,
  actor      TEXT NOT NULL,
  from_mode  VARCHAR(16),
  to_mode    VARCHAR(16) NOT NULL,
  reason     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX patch_state_changes_by_patch ON patch_state_changes(patch_id, id);

CREATE TABLE alerts (
  id              BIGINT PRIMARY KEY,
  occurred_at     VARCHAR(32) NOT NULL,
  transaction_id  TEXT,
  client          TEXT,
  method          VARCHAR(16),
  uri             TEXT,
  rule_id         BIGINT NOT NULL,
  patch_id        BIGINT REFERENCES patches(id) ON DELETE SET NULL,
  vuln_id         VARCHAR(32) REFERENCES vulnerabilities(id) ON DELETE SET NULL,
  msg             TEXT,
  variable        TEXT,
  data            TEXT,
  action          VARCHAR(32) NOT NULL
);
CREATE INDEX alerts_by_patch ON alerts(patch_id, occurred_at);
CREATE INDEX alerts_by_time ON alerts(occurred_at);
-- Importing the same alert stream twice must not double the counts.
CREATE UNIQUE INDEX alerts_unique_event ON alerts(transaction_id, rule_id, occurred_at);
