package dev.vpatch.proxy.http2;

import dev.vpatch.proxy.ProxyContext;
import dev.vpatch.proxy.http1.Http1ConnectionHandler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http2.Http2CodecUtil;
import java.util.List;

/**
 * First handler of a cleartext connection: the HTTP/2 connection preface ({@code PRI * HTTP/2.0}...)
 * selects h2c with prior knowledge, anything else HTTP/1.x. Removing itself hands the bytes read so
 * far to the chosen protocol.
 */
public final class CleartextProtocolDetector extends ByteToMessageDecoder {
  private static final ByteBuf PREFACE = Http2CodecUtil.connectionPrefaceBuf();

  private final ProxyContext context;

  public CleartextProtocolDetector(ProxyContext context) {
    this.context = context;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    ctx.read();
    super.channelActive(ctx);
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    int length = Math.min(in.readableBytes(), PREFACE.readableBytes());
    if (!ByteBufUtil.equals(in, in.readerIndex(), PREFACE, 0, length)) {
      Http1ConnectionHandler.install(ctx.channel(), context, "http");
      ctx.pipeline().remove(this);
      return;
    }
    if (length < PREFACE.readableBytes()) {
      ctx.read();
      return;
    }
    Http2Connection.install(ctx.channel(), context, "http");
    ctx.pipeline().remove(this);
  }
}
