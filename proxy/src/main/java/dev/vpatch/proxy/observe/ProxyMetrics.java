package dev.vpatch.proxy.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The proxy's meters: requests, verdicts, per-rule hits (matches the rule logs) and per-phase
 * engine latency.
 */
public final class ProxyMetrics {
  private final MeterRegistry registry;
  private final Counter requests;
  private final Counter blocked;
  private final Counter wouldHaveBlocked;
  private final Counter rejected;
  private final Counter engineErrors;
  private final Counter upstreamErrors;
  /**
   * Per phase, how often it ran and its total time, exposed as one timer each (count and sum).
   * Recorded into two adders rather than a Timer: a Timer also tracks a decaying maximum, several
   * atomics shared by every event loop, which made the five records per request a measurable cost.
   */
  private final LongAdder[] phaseCounts = new LongAdder[6];
  private final LongAdder[] phaseNanos = new LongAdder[6];
  /** Each rule's hit counter, found once: a registry lookup by tags per hit was a measurable part of a request. */
  private final ConcurrentHashMap<Long, Counter> ruleHits = new ConcurrentHashMap<>();

  public ProxyMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.requests = Counter.builder("vpatch.requests").description("Requests received").register(registry);
    this.blocked = Counter.builder("vpatch.blocked").description("Requests interrupted by a rule").register(registry);
    this.wouldHaveBlocked = Counter.builder("vpatch.detected")
        .description("Requests a rule would have interrupted (detection-only)").register(registry);
    this.rejected = Counter.builder("vpatch.rejected")
        .description("Requests rejected by the strict HTTP parser").register(registry);
    this.engineErrors = Counter.builder("vpatch.engine.errors").description("Engine failures").register(registry);
    this.upstreamErrors = Counter.builder("vpatch.upstream.errors")
        .description("Upstream connection failures and timeouts").register(registry);
    for (int phase = 1; phase <= 5; phase++) {
      LongAdder count = new LongAdder();
      LongAdder nanos = new LongAdder();
      phaseCounts[phase] = count;
      phaseNanos[phase] = nanos;
      FunctionTimer.builder("vpatch.phase", count, LongAdder::sum, runs -> nanos.sum(), TimeUnit.NANOSECONDS)
          .description("Engine time per phase").tag("phase", Integer.toString(phase)).register(registry);
    }
  }

  public static ProxyMetrics unregistered() {
    return new ProxyMetrics(new SimpleMeterRegistry());
  }

  public MeterRegistry registry() {
    return registry;
  }

  public void request() {
    requests.increment();
  }

  public void blocked() {
    blocked.increment();
  }

  public void wouldHaveBlocked() {
    wouldHaveBlocked.increment();
  }

  public void rejected() {
    rejected.increment();
  }

  public void engineError() {
    engineErrors.increment();
  }

  public void upstreamError() {
    upstreamErrors.increment();
  }

  public void ruleHit(long ruleId) {
    Counter hits = ruleHits.get(ruleId);
    if (hits == null) {
      hits = ruleHits.computeIfAbsent(ruleId, id -> registry.counter("vpatch.rule.hits", "rule", Long.toString(id)));
    }
    hits.increment();
  }

  public void phase(int phase, long nanos) {
    phaseCounts[phase].increment();
    phaseNanos[phase].add(nanos);
  }
}
