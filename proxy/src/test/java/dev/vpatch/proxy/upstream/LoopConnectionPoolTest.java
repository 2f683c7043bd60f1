package dev.vpatch.proxy.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.Future;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The per-event-loop upstream pool over real loopback connections. */
class LoopConnectionPoolTest {
  private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final EventLoop loop = group.next();
  private final AtomicInteger accepted = new AtomicInteger();
  private final Channel server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
      .childHandler(new ChannelInitializer<Channel>() {
        @Override
        protected void initChannel(Channel channel) {
          accepted.incrementAndGet();
        }
      }).bind("127.0.0.1", 0).syncUninterruptibly().channel();

  @AfterEach
  void stop() {
    server.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  private LoopConnectionPool pool(int maxInUse, int maxWaiting, long acquireTimeoutMillis, InetSocketAddress target) {
    return pool(maxInUse, maxWaiting, acquireTimeoutMillis, 60_000, target);
  }

  private LoopConnectionPool pool(int maxInUse, int maxWaiting, long acquireTimeoutMillis, long idleTimeoutMillis,
      InetSocketAddress target) {
    Bootstrap bootstrap = new Bootstrap().group(loop).channel(NioSocketChannel.class)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2_000).remoteAddress(target)
        .handler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel channel) {
            // the pool needs no handlers to hand out connections
          }
        });
    return new LoopConnectionPool(loop, bootstrap, maxInUse, maxWaiting, TimeUnit.MILLISECONDS.toNanos(acquireTimeoutMillis),
        TimeUnit.MILLISECONDS.toNanos(idleTimeoutMillis));
  }

  private LoopConnectionPool pool(int maxInUse, int maxWaiting, long acquireTimeoutMillis) {
    return pool(maxInUse, maxWaiting, acquireTimeoutMillis, (InetSocketAddress) server.localAddress());
  }

  private <T> T onLoop(Callable<T> task) throws Exception {
    return loop.submit(task).get(5, TimeUnit.SECONDS);
  }

  private void onLoop(Runnable task) throws Exception {
    loop.submit(task).get(5, TimeUnit.SECONDS);
  }

  private static Channel await(Future<Channel> future) throws Exception {
    return future.get(5, TimeUnit.SECONDS);
  }

  @Test
  void releasedConnectionIsHandedOutAgainAlreadyCompleted() throws Exception {
    LoopConnectionPool pool = pool(4, 8, 1_000);
    Channel first = await(onLoop(pool::acquire));
    onLoop(() -> pool.release(first));
    Future<Channel> again = onLoop(pool::acquire);
    assertThat(again.isDone()).isTrue();
    assertThat(again.getNow()).isSameAs(first);
    assertThat(accepted.get()).isEqualTo(1);
  }

  @Test
  void mostRecentlyReleasedConnectionIsReusedFirst() throws Exception {
    LoopConnectionPool pool = pool(4, 8, 1_000);
    Channel a = await(onLoop(pool::acquire));
    Channel b = await(onLoop(pool::acquire));
    onLoop(() -> pool.release(a));
    onLoop(() -> pool.release(b));
    assertThat(await(onLoop(pool::acquire))).isSameAs(b);
  }

  @Test
  void connectionClosedWhileIdleIsSkipped() throws Exception {
    LoopConnectionPool pool = pool(4, 8, 1_000);
    Channel first = await(onLoop(pool::acquire));
    onLoop(() -> pool.release(first));
    first.close().syncUninterruptibly();
    Channel next = await(onLoop(pool::acquire));
    assertThat(next).isNotSameAs(first);
    assertThat(next.isActive()).isTrue();
  }

  @Test
  void connectionIdleForTheIdleTimeoutIsClosedButOneInUseIsNot() throws Exception {
    LoopConnectionPool pool = pool(4, 8, 1_000, 300, (InetSocketAddress) server.localAddress());
    Channel idle = await(onLoop(pool::acquire));
    Channel busy = await(onLoop(pool::acquire));
    onLoop(() -> pool.release(idle));
    assertThat(idle.closeFuture().await(3, TimeUnit.SECONDS)).isTrue();
    assertThat(busy.isActive()).isTrue();
    onLoop(() -> pool.release(busy));
    Channel again = await(onLoop(pool::acquire));
    assertThat(again).isSameAs(busy); // reused before its idle time ran out
    assertThat(again.isActive()).isTrue();
  }

  @Test
  void reuseKeepsARecentlyReturnedConnectionOpenPastTheIdleTimeoutOfItsFirstRelease() throws Exception {
    LoopConnectionPool pool = pool(4, 8, 1_000, 400, (InetSocketAddress) server.localAddress());
    Channel channel = await(onLoop(pool::acquire));
    for (int i = 0; i < 6; i++) {
      onLoop(() -> pool.release(channel));
      Thread.sleep(150);
      assertThat(await(onLoop(pool::acquire))).isSameAs(channel);
    }
    assertThat(channel.isActive()).isTrue();
  }

  @Test
  void acquireBeyondTheLimitWaitsForTheNextReleasedConnection() throws Exception {
    LoopConnectionPool pool = pool(1, 8, 5_000);
    Channel only = await(onLoop(pool::acquire));
    Future<Channel> waiting = onLoop(pool::acquire);
    assertThat(waiting.isDone()).isFalse();
    onLoop(() -> pool.release(only));
    assertThat(await(waiting)).isSameAs(only);
  }

  @Test
  void discardFreesTheSlotForANewConnection() throws Exception {
    LoopConnectionPool pool = pool(1, 8, 5_000);
    Channel only = await(onLoop(pool::acquire));
    Future<Channel> waiting = onLoop(pool::acquire);
    onLoop(() -> pool.discard(only));
    Channel fresh = await(waiting);
    assertThat(fresh).isNotSameAs(only);
    assertThat(only.closeFuture().await(2, TimeUnit.SECONDS)).isTrue();
    assertThat(fresh.isActive()).isTrue();
  }

  @Test
  void waitingAcquireFailsWithTimeoutAfterTheAcquireTimeout() throws Exception {
    LoopConnectionPool pool = pool(1, 8, 200);
    await(onLoop(pool::acquire));
    long start = System.nanoTime();
    Future<Channel> waiting = onLoop(pool::acquire);
    assertThat(waiting.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(waiting.cause()).isInstanceOf(TimeoutException.class);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(150);
  }

  @Test
  void tooManyWaitingAcquiresFailAtOnce() throws Exception {
    LoopConnectionPool pool = pool(1, 1, 5_000);
    await(onLoop(pool::acquire));
    Future<Channel> first = onLoop(pool::acquire);
    Future<Channel> second = onLoop(pool::acquire);
    assertThat(first.isDone()).isFalse();
    assertThat(second.isDone()).isTrue();
    assertThat(second.cause()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void failedConnectFailsTheAcquireAndFreesTheSlot() throws Exception {
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0)) {
      closedPort = probe.getLocalPort();
    }
    LoopConnectionPool pool = pool(1, 8, 5_000, new InetSocketAddress("127.0.0.1", closedPort));
    Future<Channel> failing = onLoop(pool::acquire);
    assertThat(failing.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(failing.isSuccess()).isFalse();
    Future<Channel> again = onLoop(pool::acquire);
    assertThat(again.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(again.isSuccess()).isFalse(); // a second connect was tried: the slot was free again
  }

  @Test
  void closeClosesIdleConnectionsAndFailsWaitingAcquires() throws Exception {
    LoopConnectionPool pool = pool(1, 8, 5_000);
    Channel inUse = await(onLoop(pool::acquire));
    Future<Channel> waiting = onLoop(pool::acquire);
    onLoop(pool::close);
    assertThat(waiting.await(2, TimeUnit.SECONDS)).isTrue();
    assertThat(waiting.isSuccess()).isFalse();
    onLoop(() -> pool.release(inUse));
    assertThat(inUse.closeFuture().await(2, TimeUnit.SECONDS)).isTrue();
  }
}
