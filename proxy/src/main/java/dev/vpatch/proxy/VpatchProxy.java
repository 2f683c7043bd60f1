package dev.vpatch.proxy;

import dev.vpatch.proxy.admin.AdminServer;
import dev.vpatch.proxy.config.QuietWatcher;
import dev.vpatch.proxy.config.RestartOnlySettings;
import dev.vpatch.proxy.observe.AlertStream;
import dev.vpatch.proxy.observe.JsonLinesFile;
import dev.vpatch.proxy.observe.ProxyMetrics;
import dev.vpatch.proxy.rules.HangupReload;
import dev.vpatch.proxy.rules.RuleFileWatcher;
import dev.vpatch.proxy.rules.RuleSetHolder;
import dev.vpatch.proxy.rules.RouteRuleSets;
import dev.vpatch.proxy.rules.RuleSources;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The whole {@code vpatch proxy}: rules, sinks, the data path, hot reload and the admin endpoint. */
public final class VpatchProxy implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(VpatchProxy.class);

  /**
   * @param crs CRS directory or null
   * @param auditLog audit log file or null (then the rules' SecAuditLog, if any)
   * @param alertLog alert stream file or null
   * @param admin admin address or null for none
   * @param adminToken bearer token; null generates one (see {@link #adminToken()})
   * @param watch reload when rule files change
   * @param threads event loop threads (0: one per core)
   */
  public record Options(ProxyConfig config, Path crs, List<Path> rules, Path auditLog, Path alertLog,
      InetSocketAddress admin, String adminToken, boolean watch, int threads) {
    public Options withConfig(ProxyConfig other) {
      return new Options(other, crs, rules, auditLog, alertLog, admin, adminToken, watch, threads);
    }

    public Options withRules(List<Path> other) {
      return new Options(config, crs, other, auditLog, alertLog, admin, adminToken, watch, threads);
    }
  }

  /** A configuration file the proxy watches and re-reads while it runs. */
  public interface ConfigSource {
    /** The file whose changes trigger a reload. */
    Path file();

    /**
     * Reads the file again, with whatever overrides it (the command line) applied.
     *
     * @throws IllegalArgumentException naming file, line and reason when the file cannot be used
     */
    Options load();
  }

  private final List<AutoCloseable> resources = new ArrayList<>();
  private final ConfigSource source;
  private final JsonLinesFile audit;
  private final RuleSetHolder rules;
  private final ProxyServer server;
  private final AdminServer admin;
  private final String adminToken;
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final RouteRuleSets routeRules = new RouteRuleSets();
  private volatile Options running;
  private RuleFileWatcher ruleWatcher;

  private VpatchProxy(Options options, ConfigSource source) throws IOException, InterruptedException {
    this.source = source;
    this.running = options;
    try {
      audit = options.auditLog() == null ? null : keep(new JsonLinesFile(options.auditLog()));
      JsonLinesFile alertFile = options.alertLog() == null ? null : keep(new JsonLinesFile(options.alertLog()));
      ProxyConfig config = options.config();
      if (config.engineMode() == EngineMode.OFF) {
        rules = null;
      } else {
        rules = new RuleSetHolder(new RuleSources(options.crs(), options.rules(), config.engineMode(), audit));
        LOG.info("{} rules loaded", rules.get().ruleCount());
        watchRules(options.watch());
        keep(routeRules).install(routeRules.prepare(config.routes(), rules.sources(), true), options.watch());
      }
      server = keep(ProxyServer.start(config, rules == null ? () -> null : rules, routeRules, new ProxyMetrics(registry),
          alertFile == null ? null : new AlertStream(alertFile), options.threads()));
      if (options.admin() != null) {
        adminToken = options.adminToken() != null ? options.adminToken() : newToken();
        admin = keep(new AdminServer(options.admin(), adminToken, rules,
            source != null ? this::reload : rules == null ? null : rules::reload, registry, () -> true));
        LOG.info("admin endpoint on http://{}:{} (Bearer token required)", admin.address().getHostString(),
            admin.address().getPort());
      } else {
        adminToken = null;
        admin = null;
      }
      if (source != null) {
        Path file = source.file().toAbsolutePath();
        Path name = file.getFileName();
        keep(new QuietWatcher(List.of(file.getParent()), name::equals, this::configFileChanged, "vpatch-config-watcher"));
        HangupReload.install(() -> reload());
      } else if (rules != null) {
        HangupReload.install(rules);
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      close();
      throw e;
    }
  }

  public static VpatchProxy start(Options options) throws IOException, InterruptedException {
    return new VpatchProxy(options, null);
  }

  /** Starts with options read from a configuration file, which is then watched and reloaded on change. */
  public static VpatchProxy start(Options options, ConfigSource source) throws IOException, InterruptedException {
    return new VpatchProxy(options, source);
  }

  private <T extends AutoCloseable> T keep(T resource) {
    resources.add(0, resource);
    return resource;
  }

  private static String newToken() {
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  private synchronized void watchRules(boolean watch) throws IOException {
    if (ruleWatcher != null) {
      ruleWatcher.close();
      ruleWatcher = null;
    }
    if (watch && rules != null) {
      ruleWatcher = new RuleFileWatcher(rules);
    }
  }

  private void configFileChanged() {
    LOG.info("{} changed, reloading", source.file());
    apply(false);
  }

  /**
   * Reloads what can change while running: with a configuration file, the file first (routes,
   * rule files, engine mode, limits, timeouts), then the rules; without one, the rules. Nothing
   * changes unless everything is valid.
   */
  public RuleSetHolder.Outcome reload() {
    if (source != null) {
      return apply(true);
    }
    if (rules == null) {
      return new RuleSetHolder.Outcome(false, 0, "the engine is off: no rules to reload");
    }
    routeRules.reloadAll();
    return rules.reload();
  }

  private synchronized RuleSetHolder.Outcome apply(boolean recompileRules) {
    int ruleCount = rules == null ? 0 : rules.get().ruleCount();
    Options next;
    try {
      next = source.load();
    } catch (IllegalArgumentException e) {
      LOG.error("configuration not applied, keeping the running one: {}", e.getMessage());
      return new RuleSetHolder.Outcome(false, ruleCount, e.getMessage());
    }
    List<String> restart = RestartOnlySettings.changed(running, next);
    Options effective = RestartOnlySettings.keep(running, next);
    if (rules == null && effective.config().engineMode() != EngineMode.OFF) {
      restart.add("engine (the proxy started with the engine off)");
      effective = effective.withConfig(effective.config().withEngine(EngineMode.OFF, effective.config().failClosed()));
    }
    if (!restart.isEmpty()) {
      LOG.warn("{}: {} changed: needs restart, the running value stays until then", source.file(), String.join(", ", restart));
    }
    Map<List<Path>, RuleSetHolder> nextRouteRules = Map.of();
    if (rules != null) {
      RuleSources nextSources = new RuleSources(effective.crs(), effective.rules(), effective.config().engineMode(), audit);
      try {
        nextRouteRules = routeRules.prepare(effective.config().routes(), nextSources, recompileRules);
      } catch (RuntimeException e) {
        LOG.error("configuration not applied, keeping the running one: route rules do not load: {}", e.getMessage());
        return new RuleSetHolder.Outcome(false, ruleCount, e.getMessage());
      }
      if (recompileRules || !nextSources.equals(rules.sources())) {
        RuleSetHolder.Outcome outcome = rules.replace(nextSources);
        if (!outcome.loaded()) {
          LOG.error("configuration not applied, keeping the running one: rules do not load");
          return outcome;
        }
        ruleCount = outcome.ruleCount();
      }
      routeRules.widen(nextRouteRules);
    }
    server.update(effective.config());
    if (rules != null) {
      try {
        routeRules.install(nextRouteRules, effective.watch());
      } catch (IOException e) {
        LOG.warn("cannot watch the route rule files: {}", e.toString());
      }
    }
    boolean rulesMoved = !effective.rules().equals(running.rules()) || !java.util.Objects.equals(effective.crs(), running.crs())
        || effective.watch() != running.watch();
    running = effective;
    if (rulesMoved) {
      try {
        watchRules(effective.watch());
      } catch (IOException e) {
        LOG.warn("cannot watch the new rule files: {}", e.toString());
      }
    }
    LOG.info("configuration applied: routes {}, engine {}", effective.config().routeTable(), effective.config().engineMode());
    return new RuleSetHolder.Outcome(true, ruleCount, null);
  }

  /** The options in force (after reloads, with restart-only settings as started). */
  public Options options() {
    return running;
  }

  public ProxyServer server() {
    return server;
  }

  /** The rule holder, or null when the engine is off. */
  public RuleSetHolder rules() {
    return rules;
  }

  public AdminServer admin() {
    return admin;
  }

  public String adminToken() {
    return adminToken;
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  @Override
  public void close() {
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Exception e) {
        LOG.warn("closing {} failed: {}", resource, e.toString());
      }
    }
    resources.clear();
    try {
      watchRules(false);
    } catch (IOException e) {
      LOG.warn("closing the rule watcher failed: {}", e.toString());
    }
  }
}
