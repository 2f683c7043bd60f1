package dev.vpatch.patches;

import dev.vpatch.patches.generator.GenerateOptions;
import dev.vpatch.patches.generator.GeneratedPatch;
import dev.vpatch.patches.generator.PatchGenerator;
import dev.vpatch.patches.generator.RuleIdRange;
import dev.vpatch.store.Store;
import dev.vpatch.store.StoreSession;
import dev.vpatch.store.model.Patch;
import dev.vpatch.store.model.PatchMode;
import dev.vpatch.store.model.StateChange;
import dev.vpatch.store.model.TestOutcome;
import dev.vpatch.store.model.Vulnerability;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The patch lifecycle: generate (draft), test, deploy log-only, promote to blocking (only with
 * passing tests), disable, retire. Every mode change is recorded with when, who and why, and
 * reported to the listeners (e.g. the ticket webhook) after it committed.
 */
public final class PatchService {
  /** Days until a deployed patch is due for review. */
  public static final int REVIEW_DAYS = 90;

  private final Store store;
  private final RuleIdRange range;
  private final PatchGenerator generator = new PatchGenerator();
  private final List<Consumer<StateChangeEvent>> listeners = new ArrayList<>();

  public PatchService(Store store, RuleIdRange range) {
    this.store = store;
    this.range = range;
  }

  /** A committed mode change, with the records a ticket system needs. */
  public record StateChangeEvent(StateChange change, Patch patch, Vulnerability vulnerability) {}

  public void onStateChange(Consumer<StateChangeEvent> listener) {
    listeners.add(listener);
  }

  /** The draft negative/positive patch an import creates, inside the import's transaction. */
  public Patch draftFor(StoreSession session, Vulnerability vulnerability) {
    return insert(session, vulnerability, GenerateOptions.AUTOMATIC, "vpatch import", "generated from scanner report");
  }

  /** Generates a new draft patch for a vulnerability. */
  public Patch generate(String vulnId, GenerateOptions options, String actor) {
    return store.inTransaction(session -> {
      Vulnerability vulnerability = session.vulnerabilities().find(vulnId)
          .orElseThrow(() -> new IllegalArgumentException("no vulnerability " + vulnId + " (see vpatch vuln list)"));
      return insert(session, vulnerability, options, actor, "generated");
    });
  }

  private Patch insert(StoreSession session, Vulnerability vulnerability, GenerateOptions options, String actor,
      String reason) {
    long id = session.patches().nextId();
    long firstRule = session.patches().nextRuleIdBlock(range.first(), range.last(), RuleIdRange.BLOCK);
    GeneratedPatch generated = generator.generate(vulnerability, id, firstRule, options);
    Patch patch = session.patches().insert(new Patch(id, vulnerability.id(), generated.title(), generated.model(),
        PatchMode.DRAFT, generated.seclang(), generated.ruleIds(), generated.testsYaml(), null, null, null, null));
    session.history().record(id, actor, null, PatchMode.DRAFT, reason, Instant.now());
    return patch;
  }

  public Patch find(long id) {
    return store.inTransaction(session -> session.patches().find(id))
        .orElseThrow(() -> new IllegalArgumentException("no patch " + id + " (see vpatch patch list)"));
  }

  /** Stores the result of running the patch's tests. */
  public Patch recordTestOutcome(long id, TestOutcome outcome) {
    return store.inTransaction(session -> {
      Patch patch = session.patches().find(id).orElseThrow(() -> new IllegalArgumentException("no patch " + id));
      return session.patches().update(patch.withLastTest(outcome));
    });
  }

  /**
   * Moves a patch to {@code mode}. Blocking needs passing tests; the first time a patch blocks, its
   * vulnerability counts as mitigated; deploying sets the review date.
   */
  public Patch deploy(long id, PatchMode mode, String actor, String reason) {
    StateChangeEvent event = store.inTransaction(session -> {
      Patch patch = session.patches().find(id).orElseThrow(() -> new IllegalArgumentException("no patch " + id));
      if (mode == PatchMode.DRAFT) {
        throw new PatchStateException("a patch cannot go back to draft: use disabled");
      }
      if (mode == PatchMode.BLOCKING && !patch.testsPassed()) {
        throw new PatchStateException("patch " + id + " cannot block: its tests "
            + (patch.lastTest() == null ? "have not run" : "failed (" + patch.lastTest().summary() + ")")
            + "; run vpatch patch test " + id + " and fix the patch or send the vulnerability back to analysis");
      }
      if (patch.mode() == PatchMode.RETIRED && mode != PatchMode.RETIRED) {
        throw new PatchStateException("patch " + id + " is retired: generate a new patch instead");
      }
      Instant now = Instant.now();
      Patch changed = patch.withMode(mode);
      if (mode.isActive() && patch.reviewDue() == null) {
        changed = changed.withReviewDue(LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(REVIEW_DAYS));
      }
      Patch stored = session.patches().update(changed);
      StateChange change = session.history().record(id, actor, patch.mode(), mode, reason, now);
      Vulnerability vulnerability = patch.vulnId() == null ? null : session.vulnerabilities().find(patch.vulnId()).orElse(null);
      if (vulnerability != null && mode == PatchMode.BLOCKING && vulnerability.firstMitigatedAt() == null) {
        vulnerability = vulnerability.toBuilder().firstMitigatedAt(now).build();
        session.vulnerabilities().update(vulnerability);
      }
      return new StateChangeEvent(change, stored, vulnerability);
    });
    listeners.forEach(listener -> listener.accept(event));
    return event.patch();
  }

  /**
   * Replays the PoCs of the patch's vulnerability against the origin; when they no longer
   * reproduce, the vulnerability is marked fixed (once).
   */
  public dev.vpatch.patches.verify.Reassessment reassess(long id, String origin) throws InterruptedException {
    Patch patch = find(id);
    Vulnerability vulnerability = store.inTransaction((StoreSession s) -> s.vulnerabilities().find(patch.vulnId()))
        .orElseThrow(() -> new IllegalArgumentException("patch " + id + " has no vulnerability to reassess"));
    dev.vpatch.patches.verify.Reassessment result =
        new dev.vpatch.patches.verify.Reassessor(java.time.Duration.ofSeconds(30)).reassess(vulnerability, origin);
    if (!result.reproduces() && vulnerability.fixedAt() == null) {
      store.inTransactionDo(s -> s.vulnerabilities().update(vulnerability.toBuilder().fixedAt(Instant.now()).build()));
    }
    return result;
  }

  public List<StateChange> history(long id) {
    return store.inTransaction(session -> session.history().of(id));
  }

  /** Changes whenever any patch changes: poll it and call {@link #export} only when it differs. */
  public String changeToken() {
    return store.inTransaction(session -> session.patches().changeToken());
  }

  /** The SecLang file of all active patches for the proxy. */
  public String export() {
    List<Patch> active = store.inTransaction(session -> session.patches().active());
    return PatchExport.render(active, Instant.now());
  }
}
