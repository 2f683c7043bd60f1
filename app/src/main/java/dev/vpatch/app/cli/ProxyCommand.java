package dev.vpatch.app.cli;

import dev.vpatch.app.admin.AdminServer;
import dev.vpatch.engine.seclang.SecLangException;
import dev.vpatch.patches.PatchService;
import dev.vpatch.patches.generator.RuleIdRange;
import dev.vpatch.proxy.EngineMode;
import dev.vpatch.proxy.VpatchProxy;
import dev.vpatch.proxy.config.ConfigFile;
import dev.vpatch.proxy.config.HostPort;
import dev.vpatch.proxy.config.ProxySettings;
import dev.vpatch.proxy.upstream.Upstream;
import dev.vpatch.store.Store;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vpatch proxy}: the reverse proxy that enforces rules in front of one or more upstreams. */
@Command(
    name = "proxy",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Run the reverse proxy that enforces SecLang rules (virtual patches, the OWASP CRS) in front of an upstream.",
      "vpatch's built-in defaults load first (SecRuleEngine On, request bodies parsed: urlencoded, multipart, JSON,"
          + " XML; ModSecurity's recommended limits; SecDefaultAction for phases 1 and 2 'log,auditlog,deny,status:403',"
          + " so 'block' denies), then --crs, then --rules in order; later rules override.",
      "Clients may speak HTTP/1.1, HTTP/2 over TLS (--tls-cert, ALPN) or cleartext HTTP/2 (prior knowledge, or"
          + " Upgrade: h2c on body-less requests); upstreams are spoken to in HTTP/1.1, over TLS for https:// URLs.",
      "Rule files are watched and reloaded on change, on SIGHUP and on POST /reload of the admin endpoint;"
          + " a broken file keeps the running rules and is reported with file:line.",
      "Several upstreams: a --config file (vpatch.yaml) lists routes by Host (exact or *.example.com, port ignored)"
          + " and/or path prefix (whole segments of the normalized path); the most specific host wins, then the longest"
          + " prefix; --upstream is the default route; no match and no default: 404 (after the rules ran). Paths are"
          + " forwarded unchanged unless the route says strip-prefix: true. A route's own 'rules' load after the"
          + " proxy-wide --crs and --rules, for its requests only.",
      "--config FILE: every option below is also a key of the YAML file (its long name without --, e.g."
          + " 'listen: 127.0.0.1:8080', 'rules: [a.conf, patches/]'), plus 'routes:' (a list of {host, path, upstream,"
          + " strip-prefix, rules}); options on the command line override the file; relative paths are relative to the file."
          + " The file is watched: routes, upstream, rules, crs, engine, fail-open, max-body and the timeouts"
          + " (but connect-timeout) reload atomically; a broken edit keeps the running configuration (logged with"
          + " file:line); listen, TLS, admin, logs, threads, connect-timeout and upstream-ca/-insecure need a restart."
          + " See vpatch.example.yaml.",
      "Examples: vpatch proxy --upstream http://127.0.0.1:3000 --rules patch.conf",
      "          vpatch proxy --config vpatch.yaml"
    })
public final class ProxyCommand implements Callable<Integer> {
  @Option(names = "--config", paramLabel = "YAML",
      description = "Read settings and routes from this vpatch.yaml (watched and reloaded); command-line options override it.")
  Path config;

  @Option(names = "--upstream", paramLabel = "URL",
      description = "The protected application (the default route), e.g. http://127.0.0.1:3000 or https://app.internal."
          + " Required unless --config gives upstream or routes.")
  String upstream;

  @Option(names = "--listen", paramLabel = "HOST:PORT",
      description = "Address to accept clients on (default: " + ProxySettings.DEFAULT_LISTEN
          + "; use 0.0.0.0:PORT for all interfaces).")
  String listen;

  @Option(names = "--tls-cert", paramLabel = "PEM",
      description = "Terminate TLS with this PEM certificate chain (needs --tls-key); HTTP/2 and HTTP/1.1 are offered by ALPN.")
  Path tlsCert;

  @Option(names = "--tls-key", paramLabel = "PEM", description = "PEM (PKCS#8) private key for --tls-cert.")
  Path tlsKey;

  @Option(names = {"-r", "--rules"}, paramLabel = "FILE|DIR",
      description = "Rule file, or directory whose *.conf files load in name order (repeatable).")
  List<Path> rules;

  @Option(names = "--crs", paramLabel = "DIR",
      description = "Load the OWASP CRS in DIR: DIR/crs-setup.conf.example, then DIR/rules/*.conf.")
  Path crs;

  @Option(names = "--engine", paramLabel = "MODE",
      description = "on (enforce verdicts), detection-only (log \"would have blocked\", never block) or off (plain proxy)."
          + " Default: on.")
  String engine;

  @Option(names = "--fail-open", description = "When the engine fails on a request, forward it uninspected instead of answering 500.")
  Boolean failOpen;

  @Option(names = "--audit-log", paramLabel = "FILE", description = "Append audit records (ModSecurity v3 JSON, one per line) to FILE.")
  Path auditLog;

  @Option(names = "--alert-log", paramLabel = "FILE",
      description = "Append one JSON line per matched rule (transaction, client, rule id, msg, matched data, action) to FILE.")
  Path alertLog;

  @Option(names = "--admin", paramLabel = "HOST:PORT|none",
      description = "Admin endpoint (/health, /ready, /metrics, POST /reload), Bearer-token protected. Default: "
          + ProxySettings.DEFAULT_ADMIN + ".")
  String admin;

  @Option(names = "--admin-token", paramLabel = "TOKEN",
      description = "Bearer token for the admin endpoint (default: $VPATCH_ADMIN_TOKEN, else a random one printed at start).")
  String adminToken;

  @Option(names = "--store-patches",
      description = "Also enforce the active virtual patches of the store (--db): log-only ones log \"would have blocked\","
          + " blocking ones block; reloaded within a second or two whenever a patch changes (vpatch patch deploy ...)."
          + " The lifecycle REST API (/api/..., as vpatch admin serves it) is then also on the admin endpoint.")
  Boolean storePatches;

  @Spec CommandSpec spec;

  @Option(names = "--no-watch", description = "Do not reload when rule files change (SIGHUP and /reload still work).")
  Boolean noWatch;

  @Option(names = "--threads", paramLabel = "N", description = "Event loop threads (default: 0, meaning 1 per core).")
  Integer threads;

  @Option(names = "--max-body", paramLabel = "BYTES",
      description = "Largest request body accepted at all, inspected or not (413 beyond). Default: 1073741824.")
  Long maxBody;

  @Option(names = "--response-timeout", paramLabel = "SECONDS",
      description = "Longest wait for the upstream's response head (504 beyond). Default: 60.")
  Long responseTimeout;

  @Option(names = "--connect-timeout", paramLabel = "SECONDS",
      description = "Longest wait to connect to an upstream (502 beyond). Default: 5.")
  Long connectTimeout;

  @Option(names = "--header-timeout", paramLabel = "SECONDS",
      description = "Longest time a client may take to send a request head; also the keep-alive idle time. Default: 60.")
  Long headerTimeout;

  @Option(names = "--body-timeout", paramLabel = "SECONDS",
      description = "Longest pause between two reads of a request body (408 beyond). Default: 60.")
  Long bodyTimeout;

  @Option(names = "--upstream-ca", paramLabel = "PEM",
      description = "https upstreams: trust the CAs in this PEM file instead of the JDK's (the host name is still verified).")
  Path upstreamCa;

  @Option(names = "--upstream-insecure",
      description = "https upstreams: accept any certificate, no verification at all (logged as a warning; tests only).")
  Boolean upstreamInsecure;

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
    Path feedFile = null;
    if (Boolean.TRUE.equals(settings().storePatches)) {
      Store store = DbOption.from(spec).open();
      feedFile = Files.createTempDirectory("vpatch-store-patches").resolve("active-patches.conf");
      feed = new StorePatchFeed(store, feedFile);
      options = withRules(options, feedFile);
    }
    VpatchProxy proxy;
    try {
      proxy = config == null ? VpatchProxy.start(options) : VpatchProxy.start(options, configSource(feedFile));
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
        proxy.server().port(), proxy.options().config().routeTable(), proxy.options().config().engineMode(),
        proxy.server().transportName());
    if (proxy.admin() != null && options.adminToken() == null) {
      System.err.println("vpatch proxy: admin token (generated): " + proxy.adminToken());
    }
    stopped.await();
    return 0;
  }

  private static VpatchProxy.Options withRules(VpatchProxy.Options options, Path extra) {
    List<Path> withPatches = new ArrayList<>(options.rules());
    withPatches.add(extra);
    return options.withRules(withPatches);
  }

  /** Re-reads --config with the command line over it, the store's patch file kept at the end of the rules. */
  private VpatchProxy.ConfigSource configSource(Path feedFile) {
    return new VpatchProxy.ConfigSource() {
      @Override
      public Path file() {
        return config;
      }

      @Override
      public VpatchProxy.Options load() {
        ProxySettings settings = settings();
        if (Boolean.TRUE.equals(settings.storePatches) != (feedFile != null)) {
          System.err.println("vpatch proxy: " + config + ": store-patches changed: needs restart, the running value stays");
        }
        VpatchProxy.Options loaded = settings.toOptions(System.getenv("VPATCH_ADMIN_TOKEN"));
        return feedFile == null ? loaded : withRules(loaded, feedFile);
      }
    };
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

  /** The file's settings (if any) with the command line's over them. */
  ProxySettings settings() {
    ProxySettings file = config == null ? new ProxySettings() : ConfigFile.read(config);
    return file.overriddenBy(commandLine());
  }

  VpatchProxy.Options options() {
    return settings().toOptions(System.getenv("VPATCH_ADMIN_TOKEN"));
  }

  /** Only the options given on the command line; everything else null. */
  private ProxySettings commandLine() {
    ProxySettings cli = new ProxySettings();
    if (upstream != null) {
      Upstream.parse(upstream);
      cli.upstream = URI.create(upstream.trim());
    }
    cli.listen = listen == null ? null : HostPort.parse(listen, "--listen");
    cli.tlsCert = tlsCert;
    cli.tlsKey = tlsKey;
    cli.rules = rules;
    cli.crs = crs;
    cli.engine = engine == null ? null : EngineMode.parse(engine);
    cli.failOpen = failOpen;
    cli.auditLog = auditLog;
    cli.alertLog = alertLog;
    if (admin != null) {
      cli.admin(admin, "--admin");
    }
    cli.adminToken = adminToken;
    cli.storePatches = storePatches;
    cli.noWatch = noWatch;
    cli.threads = threads;
    cli.maxBody = maxBody;
    cli.responseTimeout = responseTimeout;
    cli.connectTimeout = connectTimeout;
    cli.headerTimeout = headerTimeout;
    cli.bodyTimeout = bodyTimeout;
    cli.upstreamCa = upstreamCa;
    cli.upstreamInsecure = upstreamInsecure;
    return cli;
  }
}
