package dev.vpatch.proxy.exchange;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/** The small HTML answers the proxy writes itself: no internals, only the status and a reference. */
public final class ErrorPages {
  private ErrorPages() {}

  /**
   * @param transactionId shown so an operator can find the audit record; null when there is none
   */
  public static FullHttpResponse page(int status, String transactionId, boolean close) {
    HttpResponseStatus responseStatus = HttpResponseStatus.valueOf(status < 100 || status > 999 ? 403 : status);
    String title = responseStatus.code() + " " + escape(responseStatus.reasonPhrase());
    StringBuilder html = new StringBuilder(256)
        .append("<!DOCTYPE html>\n<html><head><title>").append(title).append("</title></head>\n<body><h1>")
        .append(title).append("</h1>\n");
    if (transactionId != null) {
      html.append("<p>Request refused. Reference: ").append(escape(transactionId)).append("</p>\n");
    }
    html.append("</body></html>\n");
    byte[] body = html.toString().getBytes(StandardCharsets.UTF_8);
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, responseStatus, Unpooled.wrappedBuffer(body));
    response.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, "text/html; charset=utf-8")
        .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
        .set(HttpHeaderNames.CACHE_CONTROL, "no-store");
    if (close) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    }
    return response;
  }

  public static FullHttpResponse redirect(int status, String location, boolean close) {
    int code = status >= 300 && status < 400 ? status : 302;
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(code), Unpooled.EMPTY_BUFFER);
    response.headers().set(HttpHeaderNames.LOCATION, location).set(HttpHeaderNames.CONTENT_LENGTH, 0);
    if (close) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    }
    return response;
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<': out.append("&lt;"); break;
        case '>': out.append("&gt;"); break;
        case '&': out.append("&amp;"); break;
        case '"': out.append("&quot;"); break;
        default: out.append(c);
      }
    }
    return out.toString();
  }
}
