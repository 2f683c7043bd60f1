package dev.vpatch.proxy;

import dev.vpatch.proxy.admin.AdminServer;
import dev.vpatch.proxy.observe.AlertStream;
import dev.vpatch.proxy.observe.JsonLinesFile;
import dev.vpatch.proxy.observe.ProxyMetrics;
import dev.vpatch.proxy.rules.HangupReload;
import dev.vpatch.proxy.rules.RuleFileWatcher;
import dev.vpatch.proxy.rules.RuleSetHolder;
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
      InetSocketAddress admin, String adminToken, boolean watch, int threads) {}

  private final List<AutoCloseable> resources = new ArrayList<>();
  private final RuleSetHolder rules;
  private final ProxyServer server;
  private final AdminServer admin;
  private final String adminToken;
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  private VpatchProxy(Options options) throws IOException, InterruptedException {
    try {
      JsonLinesFile audit = options.auditLog() == null ? null : keep(new JsonLinesFile(options.auditLog()));
      JsonLinesFile alertFile = options.alertLog() == null ? null : keep(new JsonLinesFile(options.alertLog()));
      ProxyConfig config = options.config();
      if (config.engineMode() == EngineMode.OFF) {
        rules = null;
      } else {
        rules = new RuleSetHolder(new RuleSources(options.crs(), options.rules(), config.engineMode(), audit));
        LOG.info("{} rules loaded", rules.get().ruleCount());
        if (options.watch()) {
          keep(new RuleFileWatcher(rules));
        }
        HangupReload.install(rules);
      }
      server = keep(ProxyServer.start(config, rules == null ? () -> null : rules, new ProxyMetrics(registry),
          alertFile == null ? null : new AlertStream(alertFile), options.threads()));
      if (options.admin() != null) {
        adminToken = options.adminToken() != null ? options.adminToken() : newToken();
        admin = keep(new AdminServer(options.admin(), adminToken, rules, registry, () -> true));
        LOG.info("admin endpoint on http://{}:{} (Bearer token required)", admin.address().getHostString(),
            admin.address().getPort());
      } else {
        adminToken = null;
        admin = null;
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      close();
      throw e;
    }
  }

  public static VpatchProxy start(Options options) throws IOException, InterruptedException {
    return new VpatchProxy(options);
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
  }
}
