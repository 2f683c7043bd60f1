package dev.vpatch.proxy.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;

/** The proxy's meters: requests, verdicts, per-rule hits and per-phase engine latency. */
public final class ProxyMetrics {
  private final MeterRegistry registry;
  private final Counter requests;
  private final Counter blocked;
  private final Counter wouldHaveBlocked;
  private final Counter rejected;
  private final Counter engineErrors;
  private final Counter upstreamErrors;
  private final Timer[] phases = new Timer[6];

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
      phases[phase] = Timer.builder("vpatch.phase").description("Engine time per phase")
          .tag("phase", Integer.toString(phase)).register(registry);
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
    registry.counter("vpatch.rule.hits", "rule", Long.toString(ruleId)).increment();
  }

  public void phase(int phase, long nanos) {
    phases[phase].record(nanos, TimeUnit.NANOSECONDS);
  }
}
