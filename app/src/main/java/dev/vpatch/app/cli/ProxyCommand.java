package dev.vpatch.app.cli;

import dev.vpatch.engine.seclang.SecLangException;
import dev.vpatch.proxy.EngineMode;
import dev.vpatch.proxy.ProxyConfig;
import dev.vpatch.app.admin.AdminServer;
import dev.vpatch.patches.PatchService;
import dev.vpatch.patches.generator.RuleIdRange;
import dev.vpatch.proxy.VpatchProxy;
import dev.vpatch.store.Store;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vpatch proxy}: the reverse proxy that enforces rules in front of an upstream. */
@Command(
    name = "proxy",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Run the reverse proxy that enforces SecLang rules (virtual patches, the OWASP CRS) in front of an upstream.",
      "vpatch's built-in defaults load first (SecRuleEngine On, request bodies parsed: urlencoded, multipart, JSON,"
          + " XML; ModSecurity's recommended limits; SecDefaultAction for phases 1 and 2 'log,auditlog,deny,status:403',"
          + " so 'block' denies), then --crs, then --rules in order; later rules override.",
      "Rule files are watched and reloaded on change, on SIGHUP and on POST /reload of the admin endpoint;"
          + " a broken file keeps the running rules and is reported with file:line.",
      "Example: vpatch proxy --upstream http://127.0.0.1:3000 --rules patch.conf"
    })
public final class ProxyCommand implements Callable<Integer> {
  @Option(names = "--upstream", required = true, paramLabel = "URL", description = "The protected application, e.g. http://127.0.0.1:3000.")
  URI upstream;

  @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:8080",
      description = "Address to accept clients on (default: ${DEFAULT-VALUE}; use 0.0.0.0:PORT for all interfaces).")
  String listen;

  @Option(names = "--tls-cert", paramLabel = "PEM",
      description = "Terminate TLS with this PEM certificate chain (needs --tls-key); HTTP/2 and HTTP/1.1 are offered by ALPN.")
  Path tlsCert;

  @Option(names = "--tls-key", paramLabel = "PEM", description = "PEM (PKCS#8) private key for --tls-cert.")
  Path tlsKey;

  @Option(names = {"-r", "--rules"}, paramLabel = "FILE|DIR",
      description = "Rule file, or directory whose *.conf files load in name order (repeatable).")
  List<Path> rules = new ArrayList<>();

  @Option(names = "--crs", paramLabel = "DIR",
      description = "Load the OWASP CRS in DIR: DIR/crs-setup.conf.example, then DIR/rules/*.conf.")
  Path crs;

  @Option(names = "--engine", paramLabel = "MODE", defaultValue = "on",
      description = "on (enforce verdicts), detection-only (log \"would have blocked\", never block) or off (plain proxy)."
          + " Default: ${DEFAULT-VALUE}.")
  String engine;

  @Option(names = "--fail-open", description = "When the engine fails on a request, forward it uninspected instead of answering 500.")
  boolean failOpen;

  @Option(names = "--audit-log", paramLabel = "FILE", description = "Append audit records (ModSecurity v3 JSON, one per line) to FILE.")
  Path auditLog;

  @Option(names = "--alert-log", paramLabel = "FILE",
      description = "Append one JSON line per matched rule (transaction, client, rule id, msg, matched data, action) to FILE.")
  Path alertLog;

  @Option(names = "--admin", paramLabel = "HOST:PORT|none", defaultValue = "127.0.0.1:9180",
      description = "Admin endpoint (/health, /ready, /metrics, POST /reload), Bearer-token protected. Default: ${DEFAULT-VALUE}.")
  String admin;

  @Option(names = "--admin-token", paramLabel = "TOKEN",
      description = "Bearer token for the admin endpoint (default: $VPATCH_ADMIN_TOKEN, else a random one printed at start).")
  String adminToken;

  @Option(names = "--store-patches",
      description = "Also enforce the active virtual patches of the store (--db): log-only ones log \"would have blocked\","
          + " blocking ones block; reloaded within a second or two whenever a patch changes (vpatch patch deploy ...)."
          + " The lifecycle REST API (/api/..., as vpatch admin serves it) is then also on the admin endpoint.")
  boolean storePatches;

  @Spec CommandSpec spec;

  @Option(names = "--no-watch", description = "Do not reload when rule files change (SIGHUP and /reload still work).")
  boolean noWatch;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "0", description = "Event loop threads (default: 1 per core).")
  int threads;

  @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "1073741824",
      description = "Largest request body accepted at all, inspected or not (413 beyond). Default: ${DEFAULT-VALUE}.")
  long maxBody;

  @Option(names = "--response-timeout", paramLabel = "SECONDS", defaultValue = "60",
      description = "Longest wait for the upstream's response head (504 beyond). Default: ${DEFAULT-VALUE}.")
  long responseTimeout;

  @Override
  public Integer call() throws Exception {
    VpatchProxy.Options options;
    try {
      options = options();
    } catch (IllegalArgumentException e) {
      System.err.println("vpatch proxy: " + e.getMessage());
      return 2;
    }
    StorePatchFeed feed = null;
    if (storePatches) {
      Store store = DbOption.from(spec).open();
      Path file = Files.createTempDirectory("vpatch-store-patches").resolve("active-patches.conf");
      feed = new StorePatchFeed(store, file);
      List<Path> withPatches = new ArrayList<>(options.rules());
      withPatches.add(file);
      options = new VpatchProxy.Options(options.config(), options.crs(), withPatches, options.auditLog(),
          options.alertLog(), options.admin(), options.adminToken(), options.watch(), options.threads());
    }
    VpatchProxy proxy;
    try {
      proxy = VpatchProxy.start(options);
    } catch (SecLangException e) {
      System.err.println("vpatch proxy: rules do not load: " + e.getMessage());
      return 1;
    } catch (java.io.IOException | RuntimeException e) {
      System.err.println("vpatch proxy: cannot start: " + e.getMessage());
      return 1;
    }
    if (feed != null) {
      feed.start(1000, () -> proxy.rules().reload());
      mountLifecycleApi(proxy);
    }
    StorePatchFeed startedFeed = feed;
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      proxy.close();
      if (startedFeed != null) startedFeed.close();
      stopped.countDown();
    }, "vpatch-shutdown"));
    System.err.printf("vpatch proxy: http://%s:%d -> %s (engine %s, %s)%n", proxy.server().address().getHostString(),
        proxy.server().port(), upstream, engine, proxy.server().transportName());
    if (proxy.admin() != null && options.adminToken() == null) {
      System.err.println("vpatch proxy: admin token (generated): " + proxy.adminToken());
    }
    stopped.await();
    return 0;
  }

  /** With --store-patches, the lifecycle REST API (/api/...) shares the admin port and its token. */
  private void mountLifecycleApi(VpatchProxy proxy) {
    if (proxy.admin() == null) return;
    try {
      Store store = DbOption.from(spec).open();
      proxy.admin().mount("/api/",
          AdminServer.unbound(store, new PatchService(store, RuleIdRange.DEFAULT), proxy.adminToken()).handler());
    } catch (IllegalArgumentException e) {
      System.err.println("vpatch proxy: lifecycle API not mounted: " + e.getMessage());
    }
  }

  VpatchProxy.Options options() {
    EngineMode mode = EngineMode.parse(engine);
    InetSocketAddress listenAddress = HostPort.parse(listen, "--listen");
    ProxyConfig defaults = ProxyConfig.defaults(upstream);
    ProxyConfig config = new ProxyConfig(listenAddress.getHostString(), listenAddress.getPort(), upstream, mode, !failOpen,
        defaults.maxRequestLineBytes(), defaults.maxHeaderBytes(), defaults.maxHeaderCount(), maxBody,
        defaults.maxBufferedBodyBytes(), defaults.headerTimeout(), defaults.bodyTimeout(), defaults.connectTimeout(),
        Duration.ofSeconds(responseTimeout), defaults.upstreamIdleTimeout(), defaults.maxUpstreamConnectionsPerThread(),
        tlsCert, tlsKey);
    InetSocketAddress adminAddress = admin.equalsIgnoreCase("none") ? null : HostPort.parse(admin, "--admin");
    if (adminAddress != null) {
      adminAddress = new InetSocketAddress(adminAddress.getHostString(), adminAddress.getPort());
    }
    String token = adminToken != null ? adminToken : System.getenv("VPATCH_ADMIN_TOKEN");
    return new VpatchProxy.Options(config, crs, rules, auditLog, alertLog, adminAddress, token, !noWatch, threads);
  }
}
