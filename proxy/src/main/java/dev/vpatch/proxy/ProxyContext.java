package dev.vpatch.proxy;

import dev.vpatch.engine.RuleSet;
import dev.vpatch.proxy.observe.AlertStream;
import dev.vpatch.proxy.observe.ProxyMetrics;
import dev.vpatch.proxy.upstream.UpstreamPools;
import java.util.function.Supplier;

/**
 * What every exchange shares.
 *
 * @param rules the current rule set; read once per exchange so a reload never changes the rules
 *     of a request in flight
 * @param alerts where alerts go, or null
 */
public record ProxyContext(
    ProxyConfig config, Supplier<RuleSet> rules, UpstreamPools pools, ProxyMetrics metrics, AlertStream alerts) {}
