package dev.vpatch.proxy.exchange;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/**
 * One direction of an upgraded connection (WebSocket after its handshake passed the rules): bytes
 * are copied to the peer as they come, reading pauses while the peer cannot take more, and a close
 * on either side closes both.
 */
public final class TunnelRelay extends ChannelInboundHandlerAdapter {
  private final Channel peer;
  private final Runnable onClose;

  /** @param onClose runs once when this side closes (frees the upstream connection's pool slot) */
  public TunnelRelay(Channel peer, Runnable onClose) {
    this.peer = peer;
    this.onClose = onClose;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof ByteBuf)) {
      ReferenceCountUtil.release(msg); // the empty end of the 101 response still in the codec
      return;
    }
    peer.writeAndFlush(msg).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    if (!peer.isWritable()) {
      ctx.channel().config().setAutoRead(false);
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (ctx.channel().isWritable()) {
      peer.config().setAutoRead(true);
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    peer.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    onClose.run();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
