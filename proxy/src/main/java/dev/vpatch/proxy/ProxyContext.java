package dev.vpatch.proxy;

import dev.vpatch.engine.RuleSet;
import dev.vpatch.proxy.observe.AlertStream;
import dev.vpatch.proxy.observe.ProxyMetrics;
import dev.vpatch.proxy.routing.RouteTable;
import dev.vpatch.proxy.upstream.UpstreamPools;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What every exchange shares. The configuration and its route table can be replaced while the proxy
 * runs; an exchange reads {@link #settings()} once, so a swap never changes a request in flight.
 */
public final class ProxyContext {
  /** One consistent configuration and the route table built from it. */
  public record Settings(ProxyConfig config, RouteTable routes) {
    public static Settings of(ProxyConfig config) {
      return new Settings(config, config.routeTable());
    }
  }

  private final AtomicReference<Settings> settings;
  private final Supplier<RuleSet> rules;
  private final Function<List<Path>, RuleSet> routeRules;
  private final UpstreamPools pools;
  private final ProxyMetrics metrics;
  private final AlertStream alerts;

  /**
   * @param rules the current rule set; read once per exchange so a reload never changes the rules
   *     of a request in flight
   * @param alerts where alerts go, or null
   */
  public ProxyContext(ProxyConfig config, Supplier<RuleSet> rules, UpstreamPools pools, ProxyMetrics metrics,
      AlertStream alerts) {
    this(config, rules, files -> null, pools, metrics, alerts);
  }

  /**
   * @param routeRules the current rule set of a route with its own rule files (keyed by those files),
   *     or null when there is none (then the proxy-wide rules apply)
   */
  public ProxyContext(ProxyConfig config, Supplier<RuleSet> rules, Function<List<Path>, RuleSet> routeRules,
      UpstreamPools pools, ProxyMetrics metrics, AlertStream alerts) {
    this.settings = new AtomicReference<>(Settings.of(config));
    this.rules = rules;
    this.routeRules = routeRules;
    this.pools = pools;
    this.metrics = metrics;
    this.alerts = alerts;
  }

  public Settings settings() {
    return settings.get();
  }

  /** The current configuration (for per-connection limits; exchanges use {@link #settings()}). */
  public ProxyConfig config() {
    return settings.get().config();
  }

  /** Swaps in a new configuration; its route table is built (and validated) before the swap. */
  public void update(ProxyConfig config) {
    settings.set(Settings.of(config));
  }

  public Supplier<RuleSet> rules() {
    return rules;
  }

  /** The rule set for a request that {@code selection} routes (null: no route matched). */
  public RuleSet rulesFor(RouteTable.Selection selection) {
    if (selection != null && selection.route() != null && selection.route().rules() != null) {
      RuleSet own = routeRules.apply(selection.route().rules());
      if (own != null) {
        return own;
      }
    }
    return rules.get();
  }

  public UpstreamPools pools() {
    return pools;
  }

  public ProxyMetrics metrics() {
    return metrics;
  }

  public AlertStream alerts() {
    return alerts;
  }
}
