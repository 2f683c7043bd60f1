package dev.vpatch.proxy.http2;

import dev.vpatch.proxy.ProxyContext;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;

/**
 * Sets up an HTTP/2 connection (after ALPN "h2", an h2c prior-knowledge preface or an h2c upgrade):
 * one exchange per stream.
 */
public final class Http2Connection {
  private static final int MAX_CONCURRENT_STREAMS = 128;
  private static final int MAX_HEADER_LIST_BYTES = 32 * 1024;

  private Http2Connection() {}

  /** Adds the HTTP/2 handlers and starts reading. */
  public static void install(Channel channel, ProxyContext context, String scheme) {
    channel.pipeline().addLast(newFrameCodec(context), newMultiplexer(context, scheme));
    startReading(channel);
  }

  static void startReading(Channel channel) {
    channel.config().setAutoRead(true);
    channel.read();
  }

  static Http2FrameCodec newFrameCodec(ProxyContext context) {
    Http2Settings settings = Http2Settings.defaultSettings()
        .maxConcurrentStreams(MAX_CONCURRENT_STREAMS)
        .maxHeaderListSize(Math.max(MAX_HEADER_LIST_BYTES, context.config().maxHeaderBytes()));
    return Http2FrameCodecBuilder.forServer().initialSettings(settings).validateHeaders(true).build();
  }

  static Http2MultiplexHandler newMultiplexer(ProxyContext context, String scheme) {
    return new Http2MultiplexHandler(new ChannelInitializer<Http2StreamChannel>() {
      @Override
      protected void initChannel(Http2StreamChannel stream) {
        stream.pipeline().addLast(new Http2StreamFrameToHttpObjectCodec(true, true), new Http2StreamHandler(context, scheme));
      }
    });
  }
}
