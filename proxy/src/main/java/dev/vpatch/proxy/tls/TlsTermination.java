package dev.vpatch.proxy.tls;

import dev.vpatch.proxy.ProxyContext;
import dev.vpatch.proxy.http1.Http1ConnectionHandler;
import dev.vpatch.proxy.http2.Http2Connection;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http2.Http2SecurityUtil;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import java.nio.file.Path;
import javax.net.ssl.SSLException;

/** TLS from a PEM certificate and key (JDK provider), with ALPN choosing h2 or http/1.1. */
public final class TlsTermination {
  private final SslContext sslContext;

  public TlsTermination(Path certificate, Path key) {
    try {
      sslContext = SslContextBuilder.forServer(certificate.toFile(), key.toFile())
          .sslProvider(SslProvider.JDK)
          .ciphers(Http2SecurityUtil.CIPHERS, SupportedCipherSuiteFilter.INSTANCE)
          .applicationProtocolConfig(new ApplicationProtocolConfig(
              ApplicationProtocolConfig.Protocol.ALPN,
              ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
              ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
              ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1))
          .build();
    } catch (SSLException | IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot use TLS certificate " + certificate + " with key " + key + ": "
          + e.getMessage(), e);
    }
  }

  /** TLS first; once the handshake picked a protocol, the matching HTTP pipeline. */
  public void install(Channel channel, ProxyContext context) {
    channel.config().setAutoRead(true);
    channel.pipeline().addLast(sslContext.newHandler(channel.alloc()),
        new ApplicationProtocolNegotiationHandler(ApplicationProtocolNames.HTTP_1_1) {
          @Override
          protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
            if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
              Http2Connection.install(ctx.channel(), context, "https");
            } else {
              Http1ConnectionHandler.install(ctx.channel(), context, "https");
            }
          }
        });
  }
}
