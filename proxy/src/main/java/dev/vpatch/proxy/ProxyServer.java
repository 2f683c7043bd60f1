package dev.vpatch.proxy;

import dev.vpatch.engine.RuleSet;
import dev.vpatch.proxy.http2.CleartextProtocolDetector;
import dev.vpatch.proxy.tls.TlsTermination;
import dev.vpatch.proxy.observe.AlertStream;
import dev.vpatch.proxy.observe.ProxyMetrics;
import dev.vpatch.proxy.upstream.UpstreamPools;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The listening proxy: binds, serves until {@link #close()}. */
public final class ProxyServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ProxyServer.class);

  private final ProxyContext context;
  private final Transport transport;
  private final EventLoopGroup acceptors;
  private final EventLoopGroup workers;
  private final UpstreamPools pools;
  private final Channel listener;

  private ProxyServer(ProxyConfig config, Supplier<RuleSet> rules, Function<List<Path>, RuleSet> routeRules,
      ProxyMetrics metrics, AlertStream alerts, int threads) throws InterruptedException {
    TlsTermination tls = config.tlsCertificate() == null ? null : new TlsTermination(config.tlsCertificate(), config.tlsKey());
    // One event loop per core, like nginx's worker per core: a proxy's loops never block, and more
    // loops than cores only add context switches (measured: 4 loops on 2 cores cost more CPU per
    // request than 2).
    Transport.EventLoops loops = Transport.best().open(threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
    this.transport = loops.transport();
    this.acceptors = loops.acceptors();
    this.workers = loops.workers();
    this.pools = new UpstreamPools(config, transport);
    this.context = new ProxyContext(config, rules, routeRules, pools, metrics, alerts);
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(acceptors, workers)
        .channel(transport.serverChannel())
        .option(ChannelOption.SO_BACKLOG, 1024)
        .option(ChannelOption.SO_REUSEADDR, true)
        .childOption(ChannelOption.AUTO_READ, false)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(32 * 1024, 128 * 1024))
        .childHandler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel channel) {
            if (tls != null) {
              tls.install(channel, context);
            } else {
              channel.pipeline().addLast(new CleartextProtocolDetector(context));
            }
          }
        });
    try {
      this.listener = bootstrap.bind(config.listenHost(), config.listenPort()).sync().channel();
    } catch (RuntimeException | InterruptedException e) {
      shutdownGroups();
      throw e;
    }
    LOG.info("vpatch proxy listening on {} ({}), upstream {}, engine {}", listener.localAddress(), transport.name(),
        config.routeTable(), config.engineMode());
  }

  /**
   * Starts a proxy.
   *
   * @param rules read once per request; may return null when the engine mode is OFF
   * @param alerts alert stream, or null
   * @param threads event loop threads (0: one per core)
   */
  public static ProxyServer start(ProxyConfig config, Supplier<RuleSet> rules, ProxyMetrics metrics, AlertStream alerts,
      int threads) throws InterruptedException {
    return new ProxyServer(config, rules, files -> null, metrics, alerts, threads);
  }

  /**
   * Starts a proxy whose routes may have their own rules.
   *
   * @param routeRules the current rule set of the routes with the given rule files; null when unknown
   */
  public static ProxyServer start(ProxyConfig config, Supplier<RuleSet> rules, Function<List<Path>, RuleSet> routeRules,
      ProxyMetrics metrics, AlertStream alerts, int threads) throws InterruptedException {
    return new ProxyServer(config, rules, routeRules, metrics, alerts, threads);
  }

  public InetSocketAddress address() {
    return (InetSocketAddress) listener.localAddress();
  }

  public int port() {
    return address().getPort();
  }

  public String transportName() {
    return transport.name();
  }

  /** The configuration in force. */
  public ProxyConfig config() {
    return context.config();
  }

  /**
   * Replaces the configuration for the requests that start from now on (routes, engine mode, limits,
   * timeouts). The listen address, TLS files, upstream TLS trust and pool sizes stay those the server
   * started with; the caller reports those as needing a restart.
   */
  public void update(ProxyConfig next) {
    context.update(next);
  }

  /** Blocks until the listener closes. */
  public void awaitClose() throws InterruptedException {
    listener.closeFuture().sync();
  }

  @Override
  public void close() {
    listener.close().awaitUninterruptibly();
    pools.close();
    shutdownGroups();
  }

  private void shutdownGroups() {
    acceptors.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
  }
}
