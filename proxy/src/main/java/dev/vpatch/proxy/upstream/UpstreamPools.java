package dev.vpatch.proxy.upstream;

import dev.vpatch.proxy.ProxyConfig;
import dev.vpatch.proxy.Transport;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.Future;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Keep-alive connections to the upstreams: for each upstream one bounded pool per event loop (see
 * {@link LoopConnectionPool}), so an exchange and its upstream connection share a thread and need no
 * locking. Connections to https upstreams carry a TLS client handler (see {@link UpstreamTls}). Pool
 * sizes and timeouts come from the configuration the proxy started with. All methods but
 * {@link #close()} run on the event loop that owns the connection or asks for one.
 */
public final class UpstreamPools implements AutoCloseable {
  private static final int MAX_PENDING_ACQUIRES = 4096;
  private static final AttributeKey<LoopConnectionPool> POOL = AttributeKey.valueOf("vpatch.upstream.pool");
  private static final AttributeKey<UpstreamHandler> HANDLER = AttributeKey.valueOf("vpatch.upstream.handler");

  private final ProxyConfig config;
  private final Transport transport;
  private final UpstreamTls tls;
  /** Per event loop, its pools by upstream; each inner map is touched only by its loop. */
  private final Map<EventLoop, Map<Upstream, LoopConnectionPool>> pools = new ConcurrentHashMap<>();

  public UpstreamPools(ProxyConfig config, Transport transport) {
    this.config = config;
    this.transport = transport;
    this.tls = new UpstreamTls(config.upstreamCa(), config.upstreamInsecure());
  }

  /** A connection to {@code upstream} owned by {@code loop}'s pool for it. */
  public Future<Channel> acquire(EventLoop loop, Upstream upstream) {
    Map<Upstream, LoopConnectionPool> loopPools = pools.computeIfAbsent(loop, key -> new HashMap<>());
    LoopConnectionPool pool = loopPools.get(upstream);
    if (pool == null) {
      pool = newPool(loop, upstream);
      loopPools.put(upstream, pool);
    }
    return pool.acquire();
  }

  /** Hands what {@code channel} delivers to {@code listener}; returns the connection's response deadline. */
  public static ResponseDeadline attach(Channel channel, UpstreamListener listener) {
    UpstreamHandler handler = channel.attr(HANDLER).get();
    handler.attach(listener);
    return handler;
  }

  public static boolean reused(Channel channel) {
    return channel.attr(HANDLER).get().reused();
  }

  /**
   * Turns an upstream connection that answered 101 into a raw byte pipe to {@code client}; the
   * pool slot is freed when the tunnel closes (see {@link #discard}).
   */
  public static void switchToTunnel(Channel upstream, io.netty.channel.ChannelHandler relay) {
    upstream.pipeline().get(UpstreamHandler.class).detach();
    upstream.pipeline().addLast("tunnel", relay);
    upstream.pipeline().remove(UpstreamHandler.class);
    upstream.pipeline().remove(HttpClientCodec.class);
    upstream.config().setAutoRead(true);
  }

  /** Returns a connection whose exchange completed cleanly. */
  public void release(Channel channel) {
    channel.attr(HANDLER).get().detach();
    channel.attr(POOL).get().release(channel);
  }

  /** Closes a connection left in an unknown state (interrupted exchange) and frees its pool slot. */
  public void discard(Channel channel) {
    channel.attr(HANDLER).get().detach();
    channel.attr(POOL).get().discard(channel);
  }

  private LoopConnectionPool newPool(EventLoop loop, Upstream upstream) {
    Bootstrap bootstrap = new Bootstrap()
        .group(loop)
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
    LoopConnectionPool pool = new LoopConnectionPool(loop, bootstrap, config.maxUpstreamConnectionsPerThread(),
        MAX_PENDING_ACQUIRES, config.connectTimeout().toNanos(), config.upstreamIdleTimeout().toNanos());
    bootstrap.handler(new ChannelInitializer<Channel>() {
      @Override
      protected void initChannel(Channel channel) {
        channel.attr(POOL).set(pool);
        if (upstream.tls()) {
          channel.pipeline().addLast("tls", tls.newHandler(channel.alloc(), upstream));
        }
        UpstreamHandler handler = new UpstreamHandler();
        channel.attr(HANDLER).set(handler);
        channel.pipeline()
            .addLast(new HttpClientCodec(decoder, false, true))
            .addLast(handler);
      }
    });
    return pool;
  }

  @Override
  public void close() {
    for (Map.Entry<EventLoop, Map<Upstream, LoopConnectionPool>> entry : pools.entrySet()) {
      EventLoop loop = entry.getKey();
      Runnable closeAll = () -> entry.getValue().values().forEach(LoopConnectionPool::close);
      if (loop.inEventLoop()) {
        closeAll.run();
      } else if (!loop.isShuttingDown()) {
        loop.submit(closeAll).awaitUninterruptibly(2, TimeUnit.SECONDS);
      }
    }
    pools.clear();
  }
}
