package dev.vpatch.proxy.http1;

import dev.vpatch.proxy.ProxyContext;
import dev.vpatch.proxy.exchange.ClientConnection;
import dev.vpatch.proxy.exchange.ErrorPages;
import dev.vpatch.proxy.exchange.Exchange;
import dev.vpatch.proxy.http2.H2cUpgrade;
import dev.vpatch.proxy.timeout.LazyDeadline;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection speaking HTTP/1.x: feeds bytes through the strict parser and runs one
 * {@link Exchange} at a time; pipelined requests wait in the input buffer.
 *
 * <p>The socket stays readable while an exchange runs: bytes the exchange cannot take yet are held
 * in the input buffer up to {@link #READ_AHEAD_LIMIT}, and only beyond that does reading pause.
 * (Pausing and resuming for every request cost two epoll_ctl calls per request.) The end of the
 * client's input closes the connection and abandons the exchange in flight, as it did when epoll
 * reported it while reading was paused. The read timeouts are one {@link LazyDeadline}.
 */
public final class Http1ConnectionHandler extends ChannelInboundHandlerAdapter implements ClientConnection {
  private static final Logger LOG = LoggerFactory.getLogger(Http1ConnectionHandler.class);
  /** Bytes read ahead of what the current exchange consumes before reading pauses. */
  static final int READ_AHEAD_LIMIT = 64 * 1024;

  private final ProxyContext context;
  private final HeadAwareResponseEncoder encoder;
  private final String scheme;
  private final Http1RequestParser parser;
  private final List<HttpObject> parsed = new ArrayList<>();

  private ChannelHandlerContext ctx;
  private ByteBuf input;
  private Exchange exchange;
  private boolean closing;
  private boolean draining;
  private boolean drainAgain;
  /** The header or body read timeout; set when the handler is added. */
  private LazyDeadline readDeadline;
  private long headStartNanos;
  private String remoteHost;
  private String localHost;

  private Http1ConnectionHandler(ProxyContext context, HeadAwareResponseEncoder encoder, String scheme) {
    this.context = context;
    this.encoder = encoder;
    this.scheme = scheme;
    this.parser = new Http1RequestParser(context.config().maxRequestLineBytes(), context.config().maxHeaderBytes(),
        context.config().maxHeaderCount(), context.config().maxRequestBodyBytes());
  }

  /** Adds the encoder and the handler to a fresh client channel (autoRead must be off). */
  public static void install(Channel channel, ProxyContext context, String scheme) {
    HeadAwareResponseEncoder encoder = new HeadAwareResponseEncoder();
    channel.pipeline().addLast("http1-encoder", encoder).addLast("http1", new Http1ConnectionHandler(context, encoder, scheme));
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    this.readDeadline = new LazyDeadline(ctx.executor(), this::readTimedOut);
    // On the heap: head names and values are decoded from it into Strings, which a direct buffer
    // would first copy out to a temporary array.
    this.input = ctx.alloc().heapBuffer(1024);
    ctx.channel().config().setAutoRead(false);
    if (ctx.channel().isActive()) {
      // Installed after TLS/ALPN or protocol detection: the connection is already up.
      headStartNanos = System.nanoTime();
      readIfWanted();
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    headStartNanos = System.nanoTime();
    readIfWanted();
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof ByteBuf) || closing) {
      ReferenceCountUtil.release(msg);
      return;
    }
    ByteBuf bytes = (ByteBuf) msg;
    try {
      if (exchange == null && parser.betweenRequests() && !input.isReadable()) {
        headStartNanos = System.nanoTime();
      }
      input.writeBytes(bytes);
    } finally {
      bytes.release();
    }
    drain();
  }

  private void drain() {
    if (draining) {
      drainAgain = true;
      return;
    }
    draining = true;
    try {
      do {
        drainAgain = false;
        parseAvailable();
      } while (drainAgain && !closing);
    } finally {
      draining = false;
    }
    if (!closing) {
      input.discardSomeReadBytes();
      readIfWanted();
    }
  }

  private void parseAvailable() {
    while (!closing && input.isReadable()) {
      if (parser.complete()) {
        return;
      }
      if (exchange != null && !exchange.wantsRequestBody()) {
        return;
      }
      parsed.clear();
      try {
        parser.parse(input, parsed);
      } catch (FramingException e) {
        releaseParsed();
        reject(e);
        return;
      }
      if (parsed.isEmpty()) {
        return;
      }
      for (int i = 0; i < parsed.size(); i++) {
        deliver(parsed.get(i));
      }
      parsed.clear();
    }
  }

  private void deliver(HttpObject object) {
    if (closing) {
      ReferenceCountUtil.release(object);
      return;
    }
    if (object instanceof HttpRequest && scheme.equals("http") && H2cUpgrade.requested((HttpRequest) object)) {
      upgradeToH2c((HttpRequest) object);
      return;
    }
    if (object instanceof HttpRequest) {
      exchange = new Exchange(context, this);
      exchange.onRequestHead((HttpRequest) object);
      return;
    }
    if (exchange == null) {
      ReferenceCountUtil.release(object);
      return;
    }
    exchange.onRequestContent((HttpContent) object);
  }

  /** {@code Upgrade: h2c}: answer 101 and hand the connection, this request and the bytes after it to HTTP/2. */
  private void upgradeToH2c(HttpRequest request) {
    try {
      H2cUpgrade.settings(request);
    } catch (IllegalArgumentException e) {
      reject(new FramingException(e.getMessage()));
      return;
    }
    closing = true;
    readDeadline.cancel();
    encoder.nextResponseIsHead(false);
    ByteBuf early = input.isReadable() ? input.readRetainedSlice(input.readableBytes()) : null;
    Channel channel = ctx.channel();
    boolean upgraded = H2cUpgrade.upgrade(ctx, context, request, early, () -> {
      channel.pipeline().remove(encoder);
      channel.pipeline().remove(this);
    });
    if (!upgraded) {
      LOG.debug("h2c upgrade from {} refused", channel.remoteAddress());
      channel.close();
    }
  }

  private boolean needsInput() {
    if (exchange == null) {
      return true;
    }
    return !parser.complete() && exchange.wantsRequestBody();
  }

  /**
   * Keeps reading while the parser needs bytes or the read-ahead buffer has room, and runs the
   * header or body deadline only while the connection waits for bytes it needs.
   */
  private void readIfWanted() {
    if (closing) {
      return;
    }
    boolean needed = needsInput();
    if (!needed) {
      readDeadline.disarm();
    } else if (exchange == null) {
      readDeadline.arm(headStartNanos + context.config().headerTimeout().toNanos());
    } else {
      readDeadline.arm(System.nanoTime() + context.config().bodyTimeout().toNanos());
    }
    if (needed || input.readableBytes() < READ_AHEAD_LIMIT) {
      ctx.read();
    }
  }

  private void readTimedOut() {
    if (closing) {
      return;
    }
    if (exchange == null && parser.betweenRequests() && !input.isReadable()) {
      close();
      return;
    }
    LOG.debug("client {} too slow, closing", ctx.channel().remoteAddress());
    if (exchange == null || !exchange.responseStarted()) {
      ctx.writeAndFlush(ErrorPages.page(408, null, true));
    }
    abortExchange();
    close();
  }

  private void reject(FramingException e) {
    context.metrics().rejected();
    LOG.debug("rejected request from {}: {}", ctx.channel().remoteAddress(), e.getMessage());
    boolean canAnswer = exchange == null || !exchange.responseStarted();
    abortExchange();
    if (canAnswer) {
      encoder.nextResponseIsHead(false);
      ctx.writeAndFlush(ErrorPages.page(e.status(), null, true));
    }
    close();
  }

  private void abortExchange() {
    Exchange current = exchange;
    exchange = null;
    if (current != null) {
      current.abort();
    }
  }

  private void close() {
    closing = true;
    readDeadline.cancel();
    ctx.writeAndFlush(io.netty.buffer.Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
  }

  private void releaseParsed() {
    parsed.forEach(ReferenceCountUtil::release);
    parsed.clear();
  }

  // ---- ClientConnection ----

  @Override
  public Channel channel() {
    return ctx.channel();
  }

  @Override
  public InetSocketAddress remoteAddress() {
    return (InetSocketAddress) ctx.channel().remoteAddress();
  }

  @Override
  public InetSocketAddress localAddress() {
    return (InetSocketAddress) ctx.channel().localAddress();
  }

  @Override
  public String remoteHost() {
    if (remoteHost == null) {
      remoteHost = remoteAddress().getAddress().getHostAddress();
    }
    return remoteHost;
  }

  @Override
  public String localHost() {
    if (localHost == null) {
      localHost = localAddress().getAddress().getHostAddress();
    }
    return localHost;
  }

  @Override
  public String scheme() {
    return scheme;
  }

  @Override
  public void readMoreRequestBody() {
    if (!closing) {
      drain();
    }
  }

  @Override
  public void exchangeFinished(boolean keepAlive) {
    exchange = null;
    if (!keepAlive || !parser.complete()) {
      if (!closing) {
        close();
      }
      return;
    }
    parser.reset();
    headStartNanos = System.nanoTime();
    if (!closing) {
      drain();
    }
  }

  @Override
  public boolean switchToTunnel(Channel upstream, Runnable onClose) {
    exchange = null;
    closing = true;
    readDeadline.cancel();
    Channel client = ctx.channel();
    ByteBuf early = input.isReadable() ? input.readRetainedSlice(input.readableBytes()) : null;
    client.pipeline().addLast("tunnel", new dev.vpatch.proxy.exchange.TunnelRelay(upstream, onClose));
    client.pipeline().remove(this);
    client.pipeline().remove(encoder);
    if (early != null) {
      upstream.writeAndFlush(early);
    }
    client.config().setAutoRead(true);
    return true;
  }

  @Override
  public void nextResponseIsHead(boolean head) {
    encoder.nextResponseIsHead(head);
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
    closing = true;
    readDeadline.cancel();
    abortExchange();
    ctx.fireChannelInactive();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    if (input != null) {
      input.release();
      input = null;
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("client connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
    closing = true;
    abortExchange();
    ctx.close();
  }
}
