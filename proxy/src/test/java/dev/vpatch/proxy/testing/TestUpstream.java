package dev.vpatch.proxy.testing;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.ssl.SslContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP/1.1 server on loopback that records every request and answers as told. */
public final class TestUpstream implements AutoCloseable {
  /** A request as the upstream received it: headers in order, names as sent. */
  public record Received(String method, String uri, String version, List<Map.Entry<String, String>> headers, byte[] body) {
    public List<String> header(String name) {
      List<String> values = new ArrayList<>();
      for (Map.Entry<String, String> h : headers) {
        if (h.getKey().equalsIgnoreCase(name)) {
          values.add(h.getValue());
        }
      }
      return values;
    }

    public String bodyText() {
      return new String(body, StandardCharsets.ISO_8859_1);
    }
  }

  /** Writes the answer to a received request. */
  @FunctionalInterface
  public interface Responder {
    void respond(Received request, ChannelHandlerContext ctx);
  }

  private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
  private final Channel server;
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final AtomicInteger connections = new AtomicInteger();
  private volatile Responder responder = TestUpstream::answerOk;

  private final boolean tls;

  public TestUpstream() throws InterruptedException {
    this(null);
  }

  /** @param tls when not null, the upstream speaks https with this server context */
  public TestUpstream(SslContext tls) throws InterruptedException {
    this.tls = tls != null;
    server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel ch) {
            connections.incrementAndGet();
            if (tls != null) {
              ch.pipeline().addLast(tls.newHandler(ch.alloc()));
            }
            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(64 * 1024 * 1024),
                new WebSocketServerProtocolHandler(
                    WebSocketServerProtocolConfig.newBuilder().websocketPath("/ws").checkStartsWith(true).build()),
                new SimpleChannelInboundHandler<TextWebSocketFrame>() {
                  @Override
                  protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
                    ctx.writeAndFlush(new TextWebSocketFrame("echo: " + frame.text()));
                  }
                },
                new SimpleChannelInboundHandler<FullHttpRequest>() {
                  @Override
                  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest msg) {
                    Received request = new Received(msg.method().name(), msg.uri(), msg.protocolVersion().text(),
                        new ArrayList<>(msg.headers().entries()), ByteBufUtil.getBytes(msg.content()));
                    received.add(request);
                    responder.respond(request, ctx);
                  }
                });
          }
        }).bind("127.0.0.1", 0).sync().channel();
  }

  public static void answerOk(Received request, ChannelHandlerContext ctx) {
    byte[] body = ("ok " + request.method() + " " + request.uri()).getBytes(StandardCharsets.ISO_8859_1);
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.wrappedBuffer(body));
    response.headers().set("Content-Type", "text/plain").set("Content-Length", body.length);
    ctx.writeAndFlush(response);
  }

  public void respondWith(Responder responder) {
    this.responder = responder;
  }

  public URI uri() {
    return URI.create((tls ? "https" : "http") + "://127.0.0.1:" + port());
  }

  public int port() {
    return ((java.net.InetSocketAddress) server.localAddress()).getPort();
  }

  /** The next request the upstream received, waiting up to 5 s. */
  public Received take() throws InterruptedException {
    Received r = received.poll(5, TimeUnit.SECONDS);
    if (r == null) {
      throw new AssertionError("upstream received no request");
    }
    return r;
  }

  /** The next request if one arrives within the given time, else null. */
  public Received poll(long millis) throws InterruptedException {
    return received.poll(millis, TimeUnit.MILLISECONDS);
  }

  public int connections() {
    return connections.get();
  }

  @Override
  public void close() {
    server.close().awaitUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
  }
}
