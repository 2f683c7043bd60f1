package dev.vpatch.proxy.upstream;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpObject;
import io.netty.util.ReferenceCountUtil;
import java.nio.channels.ClosedChannelException;

/** Last handler of an upstream connection: hands messages to the exchange currently using it. */
final class UpstreamHandler extends ChannelInboundHandlerAdapter {
  private UpstreamListener listener;
  private boolean used;

  void attach(UpstreamListener listener) {
    this.listener = listener;
  }

  void detach() {
    this.listener = null;
    this.used = true;
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
