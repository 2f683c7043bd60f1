package dev.vpatch.proxy.upstream;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TLS towards https upstreams: SNI with the upstream's host name and the certificate checked against
 * that name, trusting the JDK's CAs or those of a PEM file; or, only when asked, no check at all.
 */
public final class UpstreamTls {
  private static final Logger LOG = LoggerFactory.getLogger(UpstreamTls.class);

  private final SslContext context;
  private final boolean verify;

  /**
   * @param trustedCas PEM file of trusted CA certificates, or null for the JDK trust store
   * @param insecure accept any certificate (logs a warning)
   */
  public UpstreamTls(Path trustedCas, boolean insecure) {
    SslContextBuilder builder = SslContextBuilder.forClient().sslProvider(SslProvider.JDK);
    if (insecure) {
      LOG.warn("*** upstream-insecure: https upstream certificates are NOT verified; anyone on the path to the"
          + " upstream can read and change the traffic. Use upstream-ca instead. ***");
      builder.trustManager(InsecureTrustManagerFactory.INSTANCE).endpointIdentificationAlgorithm(null);
    } else {
      builder.endpointIdentificationAlgorithm("HTTPS");
      if (trustedCas != null) {
        if (!Files.isReadable(trustedCas)) {
          throw new IllegalArgumentException("upstream-ca: cannot read " + trustedCas);
        }
        try {
          builder.trustManager(trustedCas.toFile());
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("upstream-ca: cannot use " + trustedCas + ": " + e.getMessage(), e);
        }
      }
    }
    try {
      this.context = builder.build();
    } catch (SSLException | IllegalArgumentException e) {
      throw new IllegalArgumentException("upstream-ca: cannot use " + trustedCas + ": " + e.getMessage(), e);
    }
    this.verify = !insecure;
  }

  /** A client TLS handler for a connection to {@code upstream}. */
  SslHandler newHandler(ByteBufAllocator alloc, Upstream upstream) {
    SslHandler handler = context.newHandler(alloc, upstream.host(), upstream.port());
    if (verify) {
      SSLEngine engine = handler.engine();
      SSLParameters parameters = engine.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      engine.setSSLParameters(parameters);
    }
    return handler;
  }
}
