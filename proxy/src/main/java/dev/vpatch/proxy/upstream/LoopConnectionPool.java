package dev.vpatch.proxy.upstream;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Keep-alive connections to one upstream, owned by one event loop and used only from it, so it needs
 * no locks, promises or health-check futures on the common path: an idle connection is handed out
 * as an already completed future. At most {@code maxInUse} connections are handed out at once;
 * further acquires wait in order (at most {@code maxWaiting}, each up to the acquire timeout), the
 * most recently returned idle connection is reused first, and closed ones are skipped. A connection
 * idle for the idle timeout is closed by one sweep task per pool (a per-connection idle handler
 * would cost a clock read on every read and a promise on every write).
 */
final class LoopConnectionPool {
  private final EventLoop loop;
  private final Bootstrap bootstrap;
  private final int maxInUse;
  private final int maxWaiting;
  private final long acquireTimeoutNanos;
  private final long idleTimeoutNanos;
  /** Oldest first: connections are returned at the end and reused from the end. */
  private final ArrayDeque<IdleConnection> idle = new ArrayDeque<>();
  private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
  private ScheduledFuture<?> sweep;
  private int inUse;
  private boolean closed;

  private record IdleConnection(Channel channel, long sinceNanos) {}

  /** An acquire waiting for a free slot. */
  private static final class Waiter {
    final Promise<Channel> promise;
    ScheduledFuture<?> timeout;

    Waiter(Promise<Channel> promise) {
      this.promise = promise;
    }
  }

  /** @param bootstrap connects on {@code loop} and sets up each new connection's pipeline */
  LoopConnectionPool(EventLoop loop, Bootstrap bootstrap, int maxInUse, int maxWaiting, long acquireTimeoutNanos,
      long idleTimeoutNanos) {
    this.loop = loop;
    this.bootstrap = bootstrap;
    this.maxInUse = maxInUse;
    this.maxWaiting = maxWaiting;
    this.acquireTimeoutNanos = acquireTimeoutNanos;
    this.idleTimeoutNanos = idleTimeoutNanos;
  }

  EventLoop loop() {
    return loop;
  }

  /** A connection: an idle one, a new one, or the next one freed when all slots are in use. */
  Future<Channel> acquire() {
    assert loop.inEventLoop();
    if (closed) {
      return loop.newFailedFuture(new IllegalStateException("upstream connection pool closed"));
    }
    if (inUse < maxInUse) {
      Channel reusable = pollIdle();
      if (reusable != null) {
        inUse++;
        return loop.newSucceededFuture(reusable);
      }
      inUse++;
      Promise<Channel> promise = loop.newPromise();
      connect(promise);
      return promise;
    }
    if (waiting.size() >= maxWaiting) {
      return loop.newFailedFuture(new IllegalStateException("too many requests waiting for an upstream connection"));
    }
    Waiter waiter = new Waiter(loop.newPromise());
    waiter.timeout = loop.schedule(() -> {
      if (waiting.remove(waiter)) {
        waiter.promise.tryFailure(new TimeoutException("no upstream connection free within the acquire timeout"));
      }
    }, acquireTimeoutNanos, TimeUnit.NANOSECONDS);
    waiting.add(waiter);
    return waiter.promise;
  }

  /** Takes back a connection whose exchange completed cleanly; it is kept for reuse while open. */
  void release(Channel channel) {
    assert loop.inEventLoop();
    inUse--;
    if (channel.isActive() && !closed) {
      idle.addLast(new IdleConnection(channel, System.nanoTime()));
      scheduleSweep();
    } else {
      channel.close();
    }
    serveWaiting();
  }

  /** Closes a connection in an unknown state and frees its slot. */
  void discard(Channel channel) {
    assert loop.inEventLoop();
    inUse--;
    channel.close();
    serveWaiting();
  }

  /** Closes the idle connections and fails the waiting acquires; connections in use close when returned. */
  void close() {
    assert loop.inEventLoop();
    closed = true;
    if (sweep != null) {
      sweep.cancel(false);
      sweep = null;
    }
    for (IdleConnection connection : idle) {
      connection.channel().close();
    }
    idle.clear();
    Waiter waiter;
    while ((waiter = waiting.poll()) != null) {
      waiter.timeout.cancel(false);
      waiter.promise.tryFailure(new IllegalStateException("upstream connection pool closed"));
    }
  }

  private Channel pollIdle() {
    IdleConnection connection;
    while ((connection = idle.pollLast()) != null) {
      if (connection.channel().isActive()) {
        return connection.channel();
      }
      connection.channel().close(); // the upstream closed it while it waited here
    }
    return null;
  }

  private void scheduleSweep() {
    if (sweep != null || idle.isEmpty()) {
      return;
    }
    long dueNanos = idle.peekFirst().sinceNanos() + idleTimeoutNanos - System.nanoTime();
    sweep = loop.schedule(this::closeExpired, Math.max(dueNanos, 0), TimeUnit.NANOSECONDS);
  }

  private void closeExpired() {
    sweep = null;
    long now = System.nanoTime();
    while (!idle.isEmpty() && now - idle.peekFirst().sinceNanos() >= idleTimeoutNanos) {
      idle.pollFirst().channel().close();
    }
    scheduleSweep();
  }

  private void serveWaiting() {
    while (inUse < maxInUse && !waiting.isEmpty()) {
      Waiter waiter = waiting.poll();
      waiter.timeout.cancel(false);
      if (waiter.promise.isDone()) {
        continue;
      }
      inUse++;
      Channel reusable = pollIdle();
      if (reusable != null) {
        if (!waiter.promise.trySuccess(reusable)) {
          release(reusable);
        }
      } else {
        connect(waiter.promise);
      }
    }
  }

  private void connect(Promise<Channel> promise) {
    ChannelFuture connecting = bootstrap.connect();
    connecting.addListener(done -> {
      if (!done.isSuccess()) {
        inUse--;
        promise.tryFailure(done.cause());
        serveWaiting();
      } else if (!promise.trySuccess(connecting.channel())) {
        discard(connecting.channel()); // nobody wants it any more
      }
    });
  }
}
