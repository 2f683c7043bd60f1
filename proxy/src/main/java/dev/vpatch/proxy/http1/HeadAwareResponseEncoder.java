package dev.vpatch.proxy.http1;

import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseEncoder;

/**
 * Response encoder that knows when the response answers a HEAD request: its head may announce a
 * length or chunked coding but no body bytes follow. (HttpServerCodec learns this from its own
 * decoder; the proxy uses its own parser, so the connection handler tells the encoder.)
 */
final class HeadAwareResponseEncoder extends HttpResponseEncoder {
  private boolean headResponse;

  void nextResponseIsHead(boolean head) {
    this.headResponse = head;
  }

  @Override
  protected boolean isContentAlwaysEmpty(HttpResponse msg) {
    return headResponse || super.isContentAlwaysEmpty(msg);
  }
}
