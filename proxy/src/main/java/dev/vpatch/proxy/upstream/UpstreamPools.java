package dev.vpatch.proxy.upstream;

import dev.vpatch.proxy.ProxyConfig;
import dev.vpatch.proxy.Transport;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.pool.AbstractChannelPoolHandler;
import io.netty.channel.pool.ChannelHealthChecker;
import io.netty.channel.pool.ChannelPool;
import io.netty.channel.pool.FixedChannelPool;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.Future;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Keep-alive connections to the upstreams: for each upstream one bounded pool per event loop, so an
 * exchange and its upstream connection share a thread and need no locking. Connections to https
 * upstreams carry a TLS client handler (see {@link UpstreamTls}). Pool sizes and timeouts come from
 * the configuration the proxy started with.
 */
public final class UpstreamPools implements AutoCloseable {
  private static final int MAX_PENDING_ACQUIRES = 4096;
  private static final AttributeKey<ChannelPool> POOL = AttributeKey.valueOf("vpatch.upstream.pool");

  private record Key(Upstream upstream, EventLoop loop) {}

  private final ProxyConfig config;
  private final Transport transport;
  private final UpstreamTls tls;
  private final Map<Key, ChannelPool> pools = new ConcurrentHashMap<>();

  public UpstreamPools(ProxyConfig config, Transport transport) {
    this.config = config;
    this.transport = transport;
    this.tls = new UpstreamTls(config.upstreamCa(), config.upstreamInsecure());
  }

  /** A connection to {@code upstream} owned by {@code loop}'s pool for it. */
  public Future<Channel> acquire(EventLoop loop, Upstream upstream) {
    return pools.computeIfAbsent(new Key(upstream, loop), this::newPool).acquire();
  }

  public static void attach(Channel channel, UpstreamListener listener) {
    channel.pipeline().get(UpstreamHandler.class).attach(listener);
  }

  public static boolean reused(Channel channel) {
    return channel.pipeline().get(UpstreamHandler.class).reused();
  }

  /**
   * Turns an upstream connection that answered 101 into a raw byte pipe to {@code client}; the
   * pool slot is freed when the tunnel closes (see {@link #discard}).
   */
  public static void switchToTunnel(Channel upstream, io.netty.channel.ChannelHandler relay) {
    upstream.pipeline().get(UpstreamHandler.class).detach();
    upstream.pipeline().addLast("tunnel", relay);
    upstream.pipeline().remove(UpstreamHandler.class);
    upstream.pipeline().remove(IdleStateHandler.class);
    upstream.pipeline().remove(HttpClientCodec.class);
    upstream.config().setAutoRead(true);
  }

  /** Returns a connection whose exchange completed cleanly. */
  public void release(Channel channel) {
    channel.pipeline().get(UpstreamHandler.class).detach();
    pool(channel).release(channel);
  }

  /** Closes a connection left in an unknown state (interrupted exchange) and frees its pool slot. */
  public void discard(Channel channel) {
    UpstreamHandler handler = channel.pipeline().get(UpstreamHandler.class);
    if (handler != null) {
      handler.detach();
    }
    channel.close();
    pool(channel).release(channel);
  }

  private static ChannelPool pool(Channel channel) {
    return channel.attr(POOL).get();
  }

  private ChannelPool newPool(Key key) {
    Upstream upstream = key.upstream();
    Bootstrap bootstrap = new Bootstrap()
        .group(key.loop())
        .channel(transport.socketChannel())
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.connectTimeout().toMillis())
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.SO_KEEPALIVE, true)
        .option(ChannelOption.AUTO_READ, true)
        .remoteAddress(upstream.host(), upstream.port());
    HttpDecoderConfig decoder = new HttpDecoderConfig()
        .setMaxInitialLineLength(16 * 1024)
        .setMaxHeaderSize(64 * 1024)
        .setMaxChunkSize(64 * 1024);
    long idleMillis = config.upstreamIdleTimeout().toMillis();
    ChannelPool[] self = new ChannelPool[1];
    self[0] = new FixedChannelPool(bootstrap, new AbstractChannelPoolHandler() {
      @Override
      public void channelCreated(Channel channel) {
        channel.attr(POOL).set(self[0]);
        if (upstream.tls()) {
          channel.pipeline().addLast("tls", tls.newHandler(channel.alloc(), upstream));
        }
        channel.pipeline()
            .addLast(new IdleStateHandler(0, 0, idleMillis, TimeUnit.MILLISECONDS))
            .addLast(new HttpClientCodec(decoder, false, true))
            .addLast(new UpstreamHandler());
      }
    }, ChannelHealthChecker.ACTIVE, FixedChannelPool.AcquireTimeoutAction.FAIL,
        config.connectTimeout().toMillis(), config.maxUpstreamConnectionsPerThread(), MAX_PENDING_ACQUIRES, true, true);
    return self[0];
  }

  @Override
  public void close() {
    pools.values().forEach(ChannelPool::close);
    pools.clear();
  }
}
