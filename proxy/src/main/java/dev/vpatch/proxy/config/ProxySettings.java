package dev.vpatch.proxy.config;

import dev.vpatch.proxy.EngineMode;
import dev.vpatch.proxy.ProxyConfig;
import dev.vpatch.proxy.VpatchProxy;
import dev.vpatch.proxy.routing.Route;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Every setting of {@code vpatch proxy}, each null when not given, as read from the command line or
 * from {@code vpatch.yaml} (one field per long option; the YAML key is the option without "--").
 * {@link #overriddenBy} layers the command line over the file; {@link #toOptions} fills in the
 * defaults and builds what the proxy runs with. Values are validated when they are set, so errors
 * can name the option or the file line.
 */
public final class ProxySettings {
  public static final String DEFAULT_LISTEN = "127.0.0.1:8080";
  public static final String DEFAULT_ADMIN = "127.0.0.1:9180";

  public InetSocketAddress listen;
  public URI upstream;
  public List<Route> routes;
  public Path tlsCert;
  public Path tlsKey;
  public List<Path> rules;
  public Path crs;
  public EngineMode engine;
  public Boolean failOpen;
  public Path auditLog;
  public Path alertLog;
  /** The admin address; {@link #adminDisabled} says "none". */
  public InetSocketAddress admin;
  public Boolean adminDisabled;
  public String adminToken;
  public Boolean storePatches;
  public Boolean noWatch;
  public Integer threads;
  public Long maxBody;
  public Long responseTimeout;
  public Long connectTimeout;
  public Long headerTimeout;
  public Long bodyTimeout;
  public Path upstreamCa;
  public Boolean upstreamInsecure;

  /** A copy of these settings with every value {@code over} sets replacing this one's. */
  public ProxySettings overriddenBy(ProxySettings over) {
    ProxySettings merged = new ProxySettings();
    merged.listen = pick(over.listen, listen);
    merged.upstream = pick(over.upstream, upstream);
    merged.routes = pick(over.routes, routes);
    merged.tlsCert = pick(over.tlsCert, tlsCert);
    merged.tlsKey = pick(over.tlsKey, tlsKey);
    merged.rules = pick(over.rules, rules);
    merged.crs = pick(over.crs, crs);
    merged.engine = pick(over.engine, engine);
    merged.failOpen = pick(over.failOpen, failOpen);
    merged.auditLog = pick(over.auditLog, auditLog);
    merged.alertLog = pick(over.alertLog, alertLog);
    boolean adminFromOver = over.admin != null || over.adminDisabled != null;
    merged.admin = adminFromOver ? over.admin : admin;
    merged.adminDisabled = adminFromOver ? over.adminDisabled : adminDisabled;
    merged.adminToken = pick(over.adminToken, adminToken);
    merged.storePatches = pick(over.storePatches, storePatches);
    merged.noWatch = pick(over.noWatch, noWatch);
    merged.threads = pick(over.threads, threads);
    merged.maxBody = pick(over.maxBody, maxBody);
    merged.responseTimeout = pick(over.responseTimeout, responseTimeout);
    merged.connectTimeout = pick(over.connectTimeout, connectTimeout);
    merged.headerTimeout = pick(over.headerTimeout, headerTimeout);
    merged.bodyTimeout = pick(over.bodyTimeout, bodyTimeout);
    merged.upstreamCa = pick(over.upstreamCa, upstreamCa);
    merged.upstreamInsecure = pick(over.upstreamInsecure, upstreamInsecure);
    return merged;
  }

  private static <T> T pick(T preferred, T fallback) {
    return preferred != null ? preferred : fallback;
  }

  /** Sets the admin endpoint from {@code HOST:PORT} or {@code none}. */
  public void admin(String text, String option) {
    if (text.trim().equalsIgnoreCase("none")) {
      admin = null;
      adminDisabled = true;
    } else {
      admin = HostPort.parse(text.trim(), option);
      adminDisabled = false;
    }
  }

  /**
   * The proxy's options with defaults for everything not set.
   *
   * @param environmentToken the admin token to use when none is set (e.g. $VPATCH_ADMIN_TOKEN), or null
   * @throws IllegalArgumentException when settings contradict each other (no upstream and no routes,
   *     a TLS certificate without key)
   */
  public VpatchProxy.Options toOptions(String environmentToken) {
    InetSocketAddress listenAddress = listen != null ? listen : HostPort.parse(DEFAULT_LISTEN, "listen");
    if (upstream == null && (routes == null || routes.isEmpty())) {
      throw new IllegalArgumentException("no upstream: give --upstream URL (upstream: in the config file) or routes");
    }
    ProxyConfig base = ProxyConfig.defaults(upstream != null ? upstream : URI.create("http://unused"));
    ProxyConfig config = new ProxyConfig(listenAddress.getHostString(), listenAddress.getPort(), upstream,
        engine != null ? engine : EngineMode.ON, !Boolean.TRUE.equals(failOpen), base.maxRequestLineBytes(),
        base.maxHeaderBytes(), base.maxHeaderCount(), maxBody != null ? maxBody : base.maxRequestBodyBytes(),
        base.maxBufferedBodyBytes(), seconds(headerTimeout, base.headerTimeout()), seconds(bodyTimeout, base.bodyTimeout()),
        seconds(connectTimeout, base.connectTimeout()), seconds(responseTimeout, base.responseTimeout()),
        base.upstreamIdleTimeout(), base.maxUpstreamConnectionsPerThread(), tlsCert, tlsKey,
        routes == null ? List.of() : routes, upstreamCa, Boolean.TRUE.equals(upstreamInsecure));
    config.routeTable();
    InetSocketAddress adminAddress;
    if (Boolean.TRUE.equals(adminDisabled)) {
      adminAddress = null;
    } else {
      InetSocketAddress given = admin != null ? admin : HostPort.parse(DEFAULT_ADMIN, "admin");
      adminAddress = new InetSocketAddress(given.getHostString(), given.getPort());
    }
    String token = adminToken != null ? adminToken : environmentToken;
    return new VpatchProxy.Options(config, crs, rules == null ? List.of() : rules, auditLog, alertLog, adminAddress, token,
        !Boolean.TRUE.equals(noWatch), threads != null ? threads : 0);
  }

  private static Duration seconds(Long value, Duration fallback) {
    return value != null ? Duration.ofSeconds(value) : fallback;
  }
}
