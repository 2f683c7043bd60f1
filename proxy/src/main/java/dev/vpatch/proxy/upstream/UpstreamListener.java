package dev.vpatch.proxy.upstream;

import io.netty.handler.codec.http.HttpObject;

/** Receives what an upstream connection delivers while it serves one exchange. */
public interface UpstreamListener {
  /** A response head or body piece; the listener owns (and must release) it. */
  void onUpstreamMessage(HttpObject message);

  void onUpstreamWritable();

  /** The connection failed or closed before the exchange finished with it. */
  void onUpstreamFailure(Throwable cause);
}
