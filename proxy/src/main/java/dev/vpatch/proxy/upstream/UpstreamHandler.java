package dev.vpatch.proxy.upstream;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpObject;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Last handler of an upstream connection: hands messages to the exchange currently using it, and
 * tells it when the response head is late. That deadline is checked by one task per connection
 * that moves itself to the current deadline when it runs early, instead of a timer scheduled and
 * cancelled per request (the event loop's scheduled-task queue was a measurable part of a request).
 */
final class UpstreamHandler extends ChannelInboundHandlerAdapter implements ResponseDeadline {
  private ChannelHandlerContext ctx;
  private UpstreamListener listener;
  private boolean used;
  private boolean responseDeadlineArmed;
  private long responseDeadlineNanos;
  private Duration responseTimeout;
  /** The task that checks the response deadline, and when it runs; null when none is scheduled. */
  private ScheduledFuture<?> deadlineCheck;
  private long deadlineCheckNanos;

  void attach(UpstreamListener listener) {
    this.listener = listener;
  }

  void detach() {
    this.listener = null;
    this.used = true;
    this.responseDeadlineArmed = false;
  }

  @Override
  public void start(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    responseTimeout = timeout;
    responseDeadlineNanos = deadline;
    responseDeadlineArmed = true;
    if (deadlineCheck != null && deadlineCheckNanos - deadline <= 0) {
      return; // the scheduled check comes first and moves itself to the new deadline
    }
    scheduleDeadlineCheck(deadline);
  }

  @Override
  public void stop() {
    responseDeadlineArmed = false;
  }

  private void scheduleDeadlineCheck(long atNanos) {
    cancelDeadlineCheck();
    deadlineCheckNanos = atNanos;
    deadlineCheck = ctx.executor().schedule(this::checkResponseDeadline, Math.max(atNanos - System.nanoTime(), 1),
        TimeUnit.NANOSECONDS);
  }

  private void checkResponseDeadline() {
    deadlineCheck = null;
    if (!responseDeadlineArmed || listener == null) {
      return;
    }
    if (responseDeadlineNanos - System.nanoTime() > 0) {
      scheduleDeadlineCheck(responseDeadlineNanos);
      return;
    }
    responseDeadlineArmed = false;
    listener.onUpstreamFailure(new TimeoutException("no response head within " + responseTimeout));
  }

  private void cancelDeadlineCheck() {
    if (deadlineCheck != null) {
      deadlineCheck.cancel(false);
      deadlineCheck = null;
    }
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    responseDeadlineArmed = false;
    cancelDeadlineCheck();
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
    responseDeadlineArmed = false;
    cancelDeadlineCheck();
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
