package dev.vpatch.proxy.http2;

import dev.vpatch.proxy.ProxyContext;
import dev.vpatch.proxy.exchange.ClientConnection;
import dev.vpatch.proxy.exchange.Exchange;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One HTTP/2 stream, seen as an HTTP/1-style request by {@link Exchange}. HTTP/2 framing is
 * unambiguous (lengths come from frames), so there is no smuggling surface here; the codec's
 * synthetic {@code x-http2-*} headers are removed so the engine sees only what the client sent.
 * The stream is read only when the exchange wants more, which holds back the peer's flow-control
 * window.
 */
final class Http2StreamHandler extends ChannelInboundHandlerAdapter implements ClientConnection {
  private final ProxyContext context;
  private final String scheme;
  private ChannelHandlerContext ctx;
  private Exchange exchange;
  private boolean requestDone;

  Http2StreamHandler(ProxyContext context, String scheme) {
    this.context = context;
    this.scheme = scheme;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    ctx.channel().config().setAutoRead(false);
    ctx.read();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpRequest && exchange == null) {
      HttpRequest request = (HttpRequest) msg;
      removeSyntheticHeaders(request.headers());
      exchange = new Exchange(context, this);
      exchange.onRequestHead(request);
    } else if (msg instanceof HttpContent && exchange != null && !requestDone) {
      requestDone = msg instanceof LastHttpContent;
      exchange.onRequestContent((HttpContent) msg);
    } else {
      ReferenceCountUtil.release(msg);
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    // Asking for more here, not inside channelRead, lets the stream channel send its WINDOW_UPDATE.
    if (exchange != null && !requestDone && exchange.wantsRequestBody()) {
      ctx.read();
    }
    ctx.fireChannelReadComplete();
  }

  private static void removeSyntheticHeaders(HttpHeaders headers) {
    List<String> synthetic = new ArrayList<>();
    for (String name : headers.names()) {
      if (name.toLowerCase(Locale.ROOT).startsWith("x-http2-")) {
        synthetic.add(name);
      }
    }
    synthetic.forEach(headers::remove);
  }

  @Override
  public Channel channel() {
    return ctx.channel();
  }

  @Override
  public InetSocketAddress remoteAddress() {
    return (InetSocketAddress) ctx.channel().parent().remoteAddress();
  }

  @Override
  public InetSocketAddress localAddress() {
    return (InetSocketAddress) ctx.channel().parent().localAddress();
  }

  @Override
  public String remoteHost() {
    return remoteAddress().getAddress().getHostAddress();
  }

  @Override
  public String localHost() {
    return localAddress().getAddress().getHostAddress();
  }

  @Override
  public String scheme() {
    return scheme;
  }

  @Override
  public void readMoreRequestBody() {
    if (!requestDone) {
      ctx.read();
    }
  }

  @Override
  public void exchangeFinished(boolean keepAlive) {
    Exchange finished = exchange;
    if (finished != null && !requestDone) {
      // Answered before the request body ended: reset the stream rather than read the rest.
      ctx.channel().close();
    }
  }

  @Override
  public boolean switchToTunnel(Channel upstream, Runnable onClose) {
    return false;
  }

  @Override
  public void nextResponseIsHead(boolean head) {
    // The HTTP/2 codec knows HEAD semantics from the frames themselves.
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (ctx.channel().isWritable() && exchange != null) {
      exchange.onClientWritable();
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (exchange != null) {
      exchange.abort();
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
