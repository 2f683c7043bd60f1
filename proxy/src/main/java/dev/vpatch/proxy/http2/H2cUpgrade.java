package dev.vpatch.proxy.http2;

import dev.vpatch.proxy.ProxyContext;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpServerUpgradeHandler;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2ServerUpgradeCodec;
import io.netty.handler.codec.http2.Http2Settings;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * HTTP/1.1 to cleartext HTTP/2 by {@code Upgrade: h2c} (RFC 7540 section 3.2). The request has
 * already passed the strict HTTP/1 parser; Netty's upgrade handler answers 101 and makes it stream 1
 * of the new HTTP/2 connection, where it is inspected like any other stream. Only body-less
 * requests are upgraded (one with a body is served over HTTP/1.1, which the RFC allows), so nothing
 * is buffered across the switch.
 */
public final class H2cUpgrade {
  private static final String UPGRADER = "h2c-upgrade";

  private H2cUpgrade() {}

  /** Whether {@code request} asks for h2c in a form this proxy accepts. */
  public static boolean requested(HttpRequest request) {
    HttpHeaders headers = request.headers();
    if (request.protocolVersion() != HttpVersion.HTTP_1_1
        || headers.getAll(Http2CodecUtil.HTTP_UPGRADE_SETTINGS_HEADER).size() != 1
        || headers.getAll(HttpHeaderNames.UPGRADE).size() != 1 || headers.getAll(HttpHeaderNames.CONNECTION).size() != 1) {
      return false;
    }
    if (HttpUtil.isTransferEncodingChunked(request) || HttpUtil.getContentLength(request, 0L) != 0) {
      return false;
    }
    List<String> upgrade = tokens(headers.get(HttpHeaderNames.UPGRADE));
    List<String> connection = tokens(headers.get(HttpHeaderNames.CONNECTION));
    return upgrade.contains("h2c") && connection.contains("upgrade") && connection.contains("http2-settings");
  }

  private static List<String> tokens(String value) {
    return Arrays.stream(value.split(",")).map(token -> token.trim().toLowerCase(Locale.ROOT)).toList();
  }

  /**
   * Checks the {@code HTTP2-Settings} header (base64url of a SETTINGS frame payload).
   *
   * @throws IllegalArgumentException when it is not a valid SETTINGS payload
   */
  public static Http2Settings settings(HttpRequest request) {
    String value = request.headers().get(Http2CodecUtil.HTTP_UPGRADE_SETTINGS_HEADER).trim();
    byte[] payload;
    try {
      payload = Base64.getUrlDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("HTTP2-Settings is not base64url");
    }
    if (payload.length % 6 != 0) {
      throw new IllegalArgumentException("HTTP2-Settings is not a whole number of settings");
    }
    Http2Settings settings = new Http2Settings();
    for (int i = 0; i < payload.length; i += 6) {
      char id = (char) ((payload[i] & 0xff) << 8 | payload[i + 1] & 0xff);
      long v = (payload[i + 2] & 0xffL) << 24 | (payload[i + 3] & 0xffL) << 16 | (payload[i + 4] & 0xffL) << 8
          | payload[i + 5] & 0xffL;
      settings.put(id, Long.valueOf(v));
    }
    return settings;
  }

  /**
   * Switches the connection of {@code http1} (an HTTP/1 handler whose encoder comes before it) to
   * HTTP/2: 101 is written through the HTTP/1 encoder, {@code removeHttp1} then takes the HTTP/1
   * handlers out, {@code request} becomes stream 1, and {@code early} (bytes the client sent after
   * the request: its connection preface, or null) goes to the HTTP/2 codec.
   *
   * @return false when the upgrade did not happen (the caller then closes the connection)
   */
  public static boolean upgrade(ChannelHandlerContext http1, ProxyContext context, HttpRequest request, ByteBuf early,
      Runnable removeHttp1) {
    Channel channel = http1.channel();
    HttpServerUpgradeHandler.SourceCodec source = ctx -> removeHttp1.run();
    HttpServerUpgradeHandler.UpgradeCodecFactory codecs = protocol -> "h2c".contentEquals(protocol)
        ? new Http2ServerUpgradeCodec(Http2Connection.newFrameCodec(context), Http2Connection.newMultiplexer(context, "http"))
        : null;
    channel.pipeline().addAfter(http1.name(), UPGRADER, new HttpServerUpgradeHandler(source, codecs, 0));
    http1.fireChannelRead(request);
    http1.fireChannelRead(LastHttpContent.EMPTY_LAST_CONTENT);
    if (channel.pipeline().get(UPGRADER) != null) {
      channel.pipeline().remove(UPGRADER);
      if (early != null) {
        early.release();
      }
      return false;
    }
    if (early != null) {
      channel.pipeline().fireChannelRead(early);
      channel.pipeline().fireChannelReadComplete();
    }
    Http2Connection.startReading(channel);
    return true;
  }
}
