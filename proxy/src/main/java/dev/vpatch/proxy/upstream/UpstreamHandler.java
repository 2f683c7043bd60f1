package dev.vpatch.proxy.upstream;

import dev.vpatch.proxy.timeout.LazyDeadline;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpObject;
import io.netty.util.ReferenceCountUtil;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Last handler of an upstream connection: hands messages to the exchange currently using it, and
 * tells it when the response head is late (one {@link LazyDeadline} per connection).
 */
final class UpstreamHandler extends ChannelInboundHandlerAdapter implements ResponseDeadline {
  private UpstreamListener listener;
  private boolean used;
  private Duration responseTimeout;
  /** The response head deadline; set when the handler is added. */
  private LazyDeadline responseDeadline;

  void attach(UpstreamListener listener) {
    this.listener = listener;
  }

  void detach() {
    this.listener = null;
    this.used = true;
    responseDeadline.disarm();
  }

  @Override
  public void start(Duration timeout) {
    responseTimeout = timeout;
    responseDeadline.arm(System.nanoTime() + timeout.toNanos());
  }

  @Override
  public void stop() {
    responseDeadline.disarm();
  }

  private void responseHeadLate() {
    if (listener != null) {
      listener.onUpstreamFailure(new TimeoutException("no response head within " + responseTimeout));
    }
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    responseDeadline = new LazyDeadline(ctx.executor(), this::responseHeadLate);
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    responseDeadline.cancel();
  }

  /** Whether this connection already served an exchange (a stale keep-alive connection may fail). */
  boolean reused() {
    return used;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (listener != null && msg instanceof HttpObject) {
      listener.onUpstreamMessage((HttpObject) msg);
      return;
    }
    // Bytes nobody asked for: the connection is out of step, never reuse it.
    ReferenceCountUtil.release(msg);
    ctx.close();
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (listener != null && ctx.channel().isWritable()) {
      listener.onUpstreamWritable();
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    responseDeadline.cancel();
    UpstreamListener current = listener;
    listener = null;
    if (current != null) {
      current.onUpstreamFailure(new ClosedChannelException());
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    UpstreamListener current = listener;
    listener = null;
    ctx.close();
    if (current != null) {
      current.onUpstreamFailure(cause);
    }
  }
}
