package dev.vpatch.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpatch.store.model.Alert;
import dev.vpatch.store.model.Location;
import dev.vpatch.store.model.ParamWhere;
import dev.vpatch.store.model.Patch;
import dev.vpatch.store.model.PatchMode;
import dev.vpatch.store.model.PatchModel;
import dev.vpatch.store.model.PocRequest;
import dev.vpatch.store.model.ResponseSignature;
import dev.vpatch.store.model.Severity;
import dev.vpatch.store.model.Source;
import dev.vpatch.store.model.StateChange;
import dev.vpatch.store.model.TestOutcome;
import dev.vpatch.store.model.Vulnerability;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Repository behaviour every supported database must show; subclasses say which database. */
abstract class RepositoryContract {
  protected Store store;

  protected abstract Store openStore();

  @BeforeEach
  void open() {
    store = openStore();
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  static Vulnerability sqli(Instant discovered) {
    return Vulnerability.builder()
        .title("SQL injection in reqID")
        .vulnClass("sqli")
        .cwe(89)
        .cves(List.of("CVE-2026-1234", "CVE-2026-9999"))
        .severity(Severity.HIGH)
        .description("reqID is concatenated into SQL")
        .affectedSoftware("demo shop")
        .affectedVersions("< 2.3.1")
        .triggerConfig("legacy_search=on")
        .location(new Location("GET", "/app/view.php", "reqID", ParamWhere.QUERY))
        .pocs(List.of(new PocRequest("GET", "/app/view.php?reqID=1%27%20or%201=1--", "Host: demo\nX-A: b", ""),
            new PocRequest("POST", "/app/view.php", "Content-Type: application/x-www-form-urlencoded", "reqID=1'")))
        .source(new Source(Source.SCANNER, "zap", "scan.xml", "40018"))
        .ticketUrl("https://tickets.example/42")
        .signature(new ResponseSignature(500, "SQL syntax", null))
        .discoveredAt(discovered)
        .build();
  }

  @Test
  void vulnerabilityRoundTripsEveryField() {
    Instant discovered = Instant.parse("2026-03-04T05:06:07.891Z");
    Vulnerability stored = store.inTransaction(s -> s.vulnerabilities().insert(sqli(discovered)));

    assertThat(stored.id()).isEqualTo("VP-2026-0001");
    Vulnerability read = store.inTransaction(s -> s.vulnerabilities().find(stored.id())).orElseThrow();
    assertThat(read).isEqualTo(stored);
    assertThat(read.pocs()).hasSize(2);
    assertThat(read.pocs().get(0).headers()).isEqualTo("Host: demo\nX-A: b");
  }

  @Test
  void vulnerabilityIdsCountPerYearOfDiscovery() {
    List<String> ids = store.inTransaction(s -> List.of(
        s.vulnerabilities().insert(sqli(Instant.parse("2026-01-01T00:00:00Z"))).id(),
        s.vulnerabilities().insert(sqli(Instant.parse("2026-12-31T23:59:59Z"))).id(),
        s.vulnerabilities().insert(sqli(Instant.parse("2027-01-01T00:00:00Z"))).id()));

    assertThat(ids).containsExactly("VP-2026-0001", "VP-2026-0002", "VP-2027-0001");
    assertThat(store.inTransaction((StoreSession s) -> s.vulnerabilities().list())).extracting(Vulnerability::id)
        .containsExactly("VP-2026-0001", "VP-2026-0002", "VP-2027-0001");
  }

  @Test
  void vulnerabilityUpdateReplacesTimelineAndPocs() {
    Vulnerability stored = store.inTransaction(s -> s.vulnerabilities().insert(sqli(Instant.now())));
    Instant fixed = Instant.parse("2026-05-01T00:00:00Z");
    Vulnerability changed = stored.toBuilder().fixedAt(fixed).pocs(List.of()).cwe(null).build();

    store.inTransactionDo(s -> s.vulnerabilities().update(changed));

    Vulnerability read = store.inTransaction(s -> s.vulnerabilities().find(stored.id())).orElseThrow();
    assertThat(read.fixedAt()).isEqualTo(fixed);
    assertThat(read.pocs()).isEmpty();
    assertThat(read.cwe()).isNull();
  }

  @Test
  void failedTransactionLeavesNothingBehind() {
    assertThatThrownBy(() -> store.inTransactionDo(s -> {
      s.vulnerabilities().insert(sqli(Instant.now()));
      throw new IllegalStateException("malformed report");
    })).hasMessage("malformed report");

    assertThat(store.inTransaction((StoreSession s) -> s.vulnerabilities().list())).isEmpty();
    String next = store.inTransaction(s -> s.vulnerabilities().insert(sqli(Instant.parse("2026-02-02T00:00:00Z"))).id());
    assertThat(next).isEqualTo("VP-2026-0001");
  }

  private Patch newPatch(StoreSession s, String vulnId, long firstRule) {
    long id = s.patches().nextId();
    return s.patches().insert(new Patch(id, vulnId, "positive reqID", PatchModel.POSITIVE, PatchMode.DRAFT,
        "SecRule ARGS \"@rx x\" \"id:" + firstRule + ",phase:2,deny\"", List.of(firstRule, firstRule + 1),
        "tests: []\n", LocalDate.parse("2026-06-30"), null, null, null));
  }

  @Test
  void patchRoundTripsWithRuleIdsAndTestOutcome() {
    Patch patch = store.inTransaction(s -> {
      String vulnId = s.vulnerabilities().insert(sqli(Instant.now())).id();
      return newPatch(s, vulnId, 10_000_000L);
    });
    assertThat(patch.id()).isEqualTo(1);
    assertThat(patch.ruleIds()).containsExactly(10_000_000L, 10_000_001L);
    assertThat(patch.createdAt()).isNotNull();

    Instant at = Instant.parse("2026-04-01T10:00:00Z");
    store.inTransactionDo(s -> s.patches().update(patch.withLastTest(new TestOutcome(at, true, "12 passed, 0 failed"))
        .withMode(PatchMode.LOG_ONLY)));

    Patch read = store.inTransaction(s -> s.patches().findByRuleId(10_000_001L)).orElseThrow();
    assertThat(read.mode()).isEqualTo(PatchMode.LOG_ONLY);
    assertThat(read.lastTest()).isEqualTo(new TestOutcome(at, true, "12 passed, 0 failed"));
    assertThat(read.reviewDue()).isEqualTo(LocalDate.parse("2026-06-30"));
    assertThat(store.inTransaction((StoreSession s) -> s.patches().active())).extracting(Patch::id).containsExactly(1L);
    assertThat(store.inTransaction((StoreSession s) -> s.patches().forVulnerability(read.vulnId()))).hasSize(1);
  }

  @Test
  void changeTokenMovesWithEveryPatchChange() throws Exception {
    String empty = store.inTransaction(s -> s.patches().changeToken());
    Patch patch = store.inTransaction(s -> newPatch(s, null, 10_000_000L));
    String afterInsert = store.inTransaction(s -> s.patches().changeToken());
    Thread.sleep(5);
    store.inTransactionDo(s -> s.patches().update(patch.withMode(PatchMode.LOG_ONLY)));
    String afterUpdate = store.inTransaction(s -> s.patches().changeToken());
    assertThat(afterInsert).isNotEqualTo(empty);
    assertThat(afterUpdate).isNotEqualTo(afterInsert);
  }

  @Test
  void ruleIdBlocksFollowTheHighestTakenId() {
    long first = store.inTransaction(s -> s.patches().nextRuleIdBlock(10_000_000L, 10_099_999L, 10));
    assertThat(first).isEqualTo(10_000_000L);
    store.inTransaction(s -> newPatch(s, null, first));
    long second = store.inTransaction(s -> s.patches().nextRuleIdBlock(10_000_000L, 10_099_999L, 10));
    assertThat(second).isEqualTo(10_000_010L);
  }

  @Test
  void exhaustedRuleIdRangeIsRefusedWithAHint() {
    store.inTransaction(s -> newPatch(s, null, 10L));
    assertThatThrownBy(() -> store.inTransaction(s -> s.patches().nextRuleIdBlock(10L, 19L, 10)))
        .hasMessageContaining("range 10-19 is exhausted");
  }

  @Test
  void duplicateRuleIdsAcrossPatchesAreRejected() {
    store.inTransaction(s -> newPatch(s, null, 10_000_000L));
    assertThatThrownBy(() -> store.inTransaction(s -> newPatch(s, null, 10_000_001L)))
        .isInstanceOf(StoreException.class);
    assertThat(store.inTransaction((StoreSession s) -> s.patches().list())).hasSize(1);
  }

  @Test
  void stateHistoryKeepsWhenWhoAndWhy() {
    long patchId = store.inTransaction(s -> newPatch(s, null, 10_000_000L)).id();
    Instant t1 = Instant.parse("2026-04-01T10:00:00Z");
    Instant t2 = Instant.parse("2026-04-08T10:00:00Z");
    store.inTransactionDo(s -> {
      s.history().record(patchId, "alice", PatchMode.DRAFT, PatchMode.LOG_ONLY, "tests pass", t1);
      s.history().record(patchId, "bob", PatchMode.LOG_ONLY, PatchMode.BLOCKING, "no false positives in 7 days", t2);
    });

    List<StateChange> history = store.inTransaction(s -> s.history().of(patchId));
    assertThat(history).extracting(StateChange::actor).containsExactly("alice", "bob");
    assertThat(history.get(1).at()).isEqualTo(t2);
    assertThat(history.get(1).from()).isEqualTo(PatchMode.LOG_ONLY);
    assertThat(history.get(1).reason()).isEqualTo("no false positives in 7 days");
  }

  @Test
  void alertsAreStoredOnceAndLinked() {
    long patchId = store.inTransaction(s -> newPatch(s, null, 10_000_000L)).id();
    Alert alert = new Alert(0, Instant.parse("2026-04-02T11:00:00.123Z"), "tx-1", "203.0.113.9", "GET",
        "/app/view.php?reqID=1'", 10_000_000L, patchId, null, "reqID not an integer", "ARGS:reqID", "1'",
        Alert.WOULD_HAVE_BLOCKED);

    assertThat(store.inTransaction((StoreSession s) -> s.alerts().insert(alert))).isTrue();
    assertThat(store.inTransaction((StoreSession s) -> s.alerts().insert(alert))).isFalse();

    List<Alert> stored = store.inTransaction(s -> s.alerts().forPatch(patchId));
    assertThat(stored).hasSize(1);
    assertThat(stored.get(0).action()).isEqualTo("would have blocked");
    assertThat(stored.get(0).at()).isEqualTo(alert.at());
    assertThat(stored.get(0).data()).isEqualTo("1'");
  }

  @Test
  void textWithQuotesAndMultiByteCharactersSurvives() {
    Vulnerability v = sqli(Instant.now()).toBuilder().title("l'injection « ünïcode » \"quoted\" ;--").build();
    String id = store.inTransaction(s -> s.vulnerabilities().insert(v)).id();
    assertThat(store.inTransaction((StoreSession s) -> s.vulnerabilities().find(id)).orElseThrow().title()).isEqualTo(v.title());
  }
}
