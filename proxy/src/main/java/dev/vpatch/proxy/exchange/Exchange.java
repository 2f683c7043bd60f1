package dev.vpatch.proxy.exchange;

import dev.vpatch.engine.Interruption;
import dev.vpatch.engine.MatchedRule;
import dev.vpatch.engine.RuleSet;
import dev.vpatch.engine.Transaction;
import dev.vpatch.proxy.EngineMode;
import dev.vpatch.proxy.ProxyConfig;
import dev.vpatch.proxy.ProxyContext;
import dev.vpatch.proxy.observe.AlertStream;
import dev.vpatch.proxy.routing.RouteTable;
import dev.vpatch.proxy.upstream.ResponseDeadline;
import dev.vpatch.proxy.upstream.UpstreamListener;
import dev.vpatch.proxy.upstream.UpstreamPools;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request and its response: runs the engine's phases around the upstream call and enforces
 * the verdicts. Phases 1 and 2 complete before any byte goes upstream; the request body is
 * buffered only when the rules ask for it and only up to their limit. All methods run on the
 * client's event loop (the upstream connection comes from that loop's pool).
 */
public final class Exchange implements UpstreamListener {
  private static final Logger LOG = LoggerFactory.getLogger(Exchange.class);

  private enum State {
    INSPECTING, BUFFERING_BODY, CONNECTING, STREAMING_BODY, AWAITING_RESPONSE, BUFFERING_RESPONSE, RESPONDING, DONE
  }

  private final ProxyContext context;
  private final ProxyConfig config;
  private final RouteTable routes;
  private final ClientConnection client;
  private final Channel clientChannel;

  private State state = State.INSPECTING;
  private Transaction tx;
  private HttpRequest request;
  private HttpRequest upstreamRequest;
  private boolean keepAlive;
  private boolean head;
  private boolean requestComplete;
  private boolean upgrade;
  private final ArrayDeque<HttpContent> pendingBody = new ArrayDeque<>();
  private long pendingBytes;
  private long inspectLimit;
  private List<ByteBuf> replay;
  private boolean retried;

  private RouteTable.Selection route;
  private Channel upstream;
  /** The deadline of {@link #upstream}, set with it. */
  private ResponseDeadline responseDeadline;
  private boolean skippingInterim;
  private HttpResponse response;
  /** Whether the upstream will keep its connection open, read before its head is edited for the client. */
  private boolean upstreamKeepAlive;
  private final List<HttpContent> responseBody = new ArrayList<>();
  private long responseBytes;
  private boolean responseHeadSent;
  private boolean closeAfterResponse;
  private boolean phase4Done;

  private Interruption verdict;
  private boolean enforced;

  public Exchange(ProxyContext context, ClientConnection client) {
    this.context = context;
    ProxyContext.Settings settings = context.settings();
    this.config = settings.config();
    this.routes = settings.routes();
    this.client = client;
    this.clientChannel = client.channel();
  }

  /** Whether the exchange wants the next request body piece now. */
  public boolean wantsRequestBody() {
    switch (state) {
      case BUFFERING_BODY:
        return true;
      case STREAMING_BODY:
        return upstream != null && upstream.isWritable();
      default:
        return false;
    }
  }

  /** Whether any byte of the response has gone to the client. */
  public boolean responseStarted() {
    return responseHeadSent;
  }

  // ---- request side ----

  public void onRequestHead(HttpRequest request) {
    this.request = request;
    this.head = request.method().equals(HttpMethod.HEAD);
    this.keepAlive = HttpUtil.isKeepAlive(request);
    boolean hasBody = HttpUtil.isTransferEncodingChunked(request) || HttpUtil.getContentLength(request, 0L) > 0;
    this.requestComplete = !hasBody;
    this.upgrade = isWebSocketUpgrade(request) && !hasBody;
    context.metrics().request();
    route = routes.select(request.headers().get(HttpHeaderNames.HOST), request.uri());

    if (!checkExpect()) {
      return;
    }
    if (config.engineMode() != EngineMode.OFF && !startTransaction()) {
      return;
    }
    if (hasBody) {
      sendContinueIfExpected();
    }
    boolean inspectBody;
    try {
      inspectBody = hasBody && tx != null && tx.requestBodyAccess();
    } catch (RuntimeException e) {
      if (!engineFailed(e)) {
        return;
      }
      inspectBody = false;
    }
    if (inspectBody) {
      inspectLimit = Math.min(tx.requestBodyLimit(), config.maxBufferedBodyBytes());
      state = State.BUFFERING_BODY;
      client.readMoreRequestBody();
      return;
    }
    if (runPhase2()) {
      connectUpstream();
    }
  }

  private static boolean isWebSocketUpgrade(HttpRequest request) {
    return request.method().equals(HttpMethod.GET) && request.protocolVersion() == HttpVersion.HTTP_1_1
        && request.headers().containsValue(HttpHeaderNames.UPGRADE, "websocket", true)
        && request.headers().containsValue(HttpHeaderNames.CONNECTION, "upgrade", true);
  }

  private boolean checkExpect() {
    String expect = request.headers().get(HttpHeaderNames.EXPECT);
    if (expect == null || expect.equalsIgnoreCase("100-continue")) {
      return true;
    }
    finishWith(ErrorPages.page(417, null, true), false);
    return false;
  }

  private void sendContinueIfExpected() {
    if (request.protocolVersion() == HttpVersion.HTTP_1_1
        && "100-continue".equalsIgnoreCase(request.headers().get(HttpHeaderNames.EXPECT))) {
      clientChannel.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
    }
  }

  private boolean startTransaction() {
    RuleSet rules = context.rulesFor(route);
    if (rules == null) {
      return true;
    }
    try {
      tx = rules.newTransaction();
      tx.processConnection(
          client.remoteHost(), client.remoteAddress().getPort(), client.localHost(), client.localAddress().getPort());
      tx.processUri(request.uri(), request.method().name(), request.protocolVersion().text());
      addHeaders(request.headers(), tx::addRequestHeader);
      long start = System.nanoTime();
      Interruption interruption = tx.processRequestHeaders();
      context.metrics().phase(1, System.nanoTime() - start);
      return !enforce(interruption);
    } catch (RuntimeException e) {
      return engineFailed(e);
    }
  }

  /**
   * Hands every field to {@code engine} as Strings; iterating them as CharSequences spares an entry
   * object per field.
   */
  private static void addHeaders(HttpHeaders headers, BiConsumer<String, String> engine) {
    for (Iterator<Map.Entry<CharSequence, CharSequence>> it = headers.iteratorCharSequence(); it.hasNext(); ) {
      Map.Entry<CharSequence, CharSequence> header = it.next();
      engine.accept(header.getKey().toString(), header.getValue().toString());
    }
  }

  /** Only for a reader: a patch without response rules would turn every field into a String. */
  private void addResponseHeaders(HttpResponse head) {
    if (tx.responseHeadersWanted()) {
      addHeaders(head.headers(), tx::addResponseHeader);
    }
  }

  public void onRequestContent(HttpContent content) {
    boolean last = content instanceof LastHttpContent;
    switch (state) {
      case BUFFERING_BODY:
        bufferForInspection(content, last);
        return;
      case STREAMING_BODY:
        if (last) {
          requestComplete = true;
        }
        HttpContent forward = last ? new DefaultLastHttpContent(content.content()) : content;
        upstream.writeAndFlush(forward, upstream.voidPromise());
        if (last) {
          awaitResponse();
        } else if (upstream.isWritable()) {
          client.readMoreRequestBody();
        }
        return;
      case DONE:
        content.release();
        return;
      default:
        if (last && requestComplete && state != State.CONNECTING) {
          content.release();
          return;
        }
        if (last) {
          requestComplete = true;
        }
        queue(content);
    }
  }

  private void queue(HttpContent content) {
    if (content.content().isReadable() || content instanceof LastHttpContent) {
      pendingBytes += content.content().readableBytes();
      pendingBody.add(content);
    } else {
      content.release();
    }
  }

  private void bufferForInspection(HttpContent content, boolean last) {
    ByteBuf bytes = content.content();
    queue(content);
    if (last) {
      requestComplete = true;
    }
    try {
      if (bytes.isReadable() && enforce(appendRequestBody(bytes))) {
        return;
      }
    } catch (RuntimeException e) {
      if (!engineFailed(e)) {
        return;
      }
    }
    if (!last && pendingBytes < inspectLimit) {
      client.readMoreRequestBody();
      return;
    }
    state = State.INSPECTING;
    if (runPhase2()) {
      connectUpstream();
    }
  }

  /**
   * Hands the piece to the transaction, which copies what it keeps: the piece itself stays queued
   * for the upstream, its reader index untouched.
   */
  private Interruption appendRequestBody(ByteBuf bytes) {
    if (bytes.hasArray()) {
      return tx.appendRequestBody(bytes.array(), bytes.arrayOffset() + bytes.readerIndex(), bytes.readableBytes());
    }
    if (bytes.nioBufferCount() == 1) {
      return tx.appendRequestBody(bytes.nioBuffer(bytes.readerIndex(), bytes.readableBytes()));
    }
    byte[] copy = ByteBufUtil.getBytes(bytes);
    return tx.appendRequestBody(copy, 0, copy.length);
  }

  private boolean runPhase2() {
    if (tx == null) {
      return true;
    }
    try {
      long start = System.nanoTime();
      Interruption interruption = tx.processRequestBody();
      context.metrics().phase(2, System.nanoTime() - start);
      return !enforce(interruption);
    } catch (RuntimeException e) {
      return engineFailed(e);
    }
  }

  private void connectUpstream() {
    if (route == null) {
      // Nothing serves this host and path: answered here, after the rules had their say.
      finishWith(ErrorPages.page(404, null, !requestComplete), requestComplete);
      return;
    }
    state = State.CONNECTING;
    if (requestComplete && replay == null) {
      replay = new ArrayList<>(pendingBody.size());
      for (HttpContent content : pendingBody) {
        replay.add(content.content().retainedDuplicate());
      }
    }
    context.pools().acquire(clientChannel.eventLoop(), route.upstream()).addListener(this::upstreamAcquired);
  }

  private void upstreamAcquired(Future<? super Channel> future) {
    if (state == State.DONE) {
      if (future.isSuccess()) {
        context.pools().release((Channel) future.getNow());
      }
      return;
    }
    if (!future.isSuccess()) {
      upstreamFailed(future.cause());
      return;
    }
    Channel connection = (Channel) future.getNow();
    upstream = connection;
    // Writes to the upstream use its void promise: a failed write fires exceptionCaught on the
    // upstream pipeline (and so onUpstreamFailure) without a promise and listener per write.
    responseDeadline = UpstreamPools.attach(connection, this);
    connection.write(upstreamRequest(), connection.voidPromise());
    while (!pendingBody.isEmpty()) {
      HttpContent piece = pendingBody.poll();
      if (piece instanceof LastHttpContent) {
        // HTTP/2 ends a body with data in its last frame; its trailers were never inspected: dropped.
        if (piece.content().isReadable()) {
          connection.write(new DefaultHttpContent(piece.content()), connection.voidPromise());
        } else {
          piece.release();
        }
      } else {
        connection.write(piece, connection.voidPromise());
      }
    }
    if (requestComplete) {
      connection.write(LastHttpContent.EMPTY_LAST_CONTENT, connection.voidPromise());
      connection.flush();
    } else {
      // The body usually follows in the bytes already read: its first piece is flushed together with
      // the head (one socket write instead of two). Should no body bytes have come yet, this task
      // flushes the head alone once the current read is handled, so the upstream still sees it early.
      connection.eventLoop().execute(connection::flush);
    }
    if (upstream != connection || state != State.CONNECTING) {
      return; // the write failed synchronously and the failure was handled already
    }
    if (requestComplete) {
      awaitResponse();
    } else {
      state = State.STREAMING_BODY;
      if (connection.isWritable()) {
        client.readMoreRequestBody();
      }
    }
  }

  /**
   * The request head for the upstream. The client's header map is edited in place rather than
   * copied (a copy per request was a measurable part of a plain proxied request): fields keep their
   * order and bytes, connection-specific ones are removed, and the proxy's own fields go last. It is
   * built once; a retry on a fresh connection sends the same head. Everything that reads the
   * client's headers (the engine, Expect, the upgrade check) has done so before this runs.
   */
  private HttpRequest upstreamRequest() {
    if (upstreamRequest != null) {
      return upstreamRequest;
    }
    HttpHeaders headers = request.headers();
    HopByHopHeaders hopByHop = HopByHopHeaders.of(headers);
    boolean chunked = HttpUtil.isTransferEncodingChunked(request);
    String host = headers.get(HttpHeaderNames.HOST);
    String upgradeProtocol = upgrade ? headers.get(HttpHeaderNames.UPGRADE) : null;
    Map.Entry<CharSequence, CharSequence> forwardedFor = null;
    int forwardedForCount = 0;
    List<String> dropped = null;
    for (Iterator<Map.Entry<CharSequence, CharSequence>> it = headers.iteratorCharSequence(); it.hasNext(); ) {
      Map.Entry<CharSequence, CharSequence> header = it.next();
      String name = header.getKey().toString();
      if (chunked && !requestComplete && name.equalsIgnoreCase("transfer-encoding")) {
        header.setValue(HttpHeaderValues.CHUNKED); // a body still arriving stays chunked
      } else if (hopByHop.contains(name) || name.equalsIgnoreCase("expect")
          || name.equalsIgnoreCase("x-forwarded-proto") || name.equalsIgnoreCase("x-forwarded-host")) {
        if (dropped == null) {
          dropped = new ArrayList<>(4);
        }
        dropped.add(name); // the header iterator cannot remove; whether a field goes depends only on its name
      } else if (name.equalsIgnoreCase("x-forwarded-for") && forwardedForCount++ == 0) {
        forwardedFor = header;
      }
    }
    if (dropped != null) {
      for (int i = 0; i < dropped.size(); i++) {
        headers.remove(dropped.get(i));
      }
    }
    String clientAddress = client.remoteHost();
    if (host == null) {
      headers.add(HttpHeaderNames.HOST, route.upstream().authority());
    }
    if (chunked && requestComplete) {
      // A body we hold completely goes up with a length.
      headers.add(HttpHeaderNames.CONTENT_LENGTH, Long.toString(pendingBytes));
    }
    if (forwardedForCount == 1) {
      forwardedFor.setValue(forwardedFor.getValue() + ", " + clientAddress);
    } else {
      headers.add("X-Forwarded-For", clientAddress);
    }
    if (upgrade) {
      headers.add(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE);
      headers.add(HttpHeaderNames.UPGRADE, upgradeProtocol);
    }
    headers.add("X-Forwarded-Proto", client.scheme());
    if (host != null) {
      headers.add("X-Forwarded-Host", host);
    }
    upstreamRequest = new DefaultHttpRequest(HttpVersion.HTTP_1_1, request.method(), route.target(), headers);
    return upstreamRequest;
  }

  private void awaitResponse() {
    state = State.AWAITING_RESPONSE;
    // A late head fails the exchange through onUpstreamFailure with a TimeoutException (504).
    responseDeadline.start(config.responseTimeout());
  }

  // ---- response side ----

  @Override
  public void onUpstreamMessage(HttpObject message) {
    if (state == State.DONE) {
      ReferenceCountUtil.release(message);
      return;
    }
    if (message instanceof HttpResponse) {
      onResponseHead((HttpResponse) message);
    }
    if (message instanceof HttpContent) {
      onResponseContent((HttpContent) message);
    }
  }

  private void onResponseHead(HttpResponse head) {
    HttpResponseStatus status = head.status();
    if (status.code() == 101 && upgrade) {
      onSwitchingProtocols(head);
      return;
    }
    if (status.codeClass() == HttpStatusClass.INFORMATIONAL) {
      // Interim answers (100, 103) end at their empty last content; the final response follows.
      skippingInterim = true;
      return;
    }
    stopResponseDeadline();
    releaseReplay();
    response = head;
    upstreamKeepAlive = HttpUtil.isKeepAlive(head);
    state = State.RESPONDING;
    if (tx != null) {
      try {
        addResponseHeaders(head);
        long start = System.nanoTime();
        Interruption interruption = tx.processResponseHeaders(status.code(), head.protocolVersion().text());
        context.metrics().phase(3, System.nanoTime() - start);
        if (enforce(interruption)) {
          return;
        }
        if (mayHaveBody(head) && tx.responseBodyAccess()) {
          inspectLimit = Math.min(tx.responseBodyLimit(), config.maxBufferedBodyBytes());
          state = State.BUFFERING_RESPONSE;
          return;
        }
      } catch (RuntimeException e) {
        if (!engineFailed(e)) {
          return;
        }
      }
    }
    sendResponseHead();
  }

  /** The upstream accepted the WebSocket handshake: after phase 3, both sides become a byte tunnel. */
  private void onSwitchingProtocols(HttpResponse head) {
    stopResponseDeadline();
    releaseReplay();
    response = head;
    if (tx != null) {
      try {
        addResponseHeaders(head);
        if (enforce(tx.processResponseHeaders(101, head.protocolVersion().text()))) {
          return;
        }
      } catch (RuntimeException e) {
        if (!engineFailed(e)) {
          return;
        }
      }
    }
    Channel connection = upstream;
    upstream = null;
    boolean[] freed = new boolean[1];
    Runnable free = () -> {
      if (!freed[0]) {
        freed[0] = true;
        context.pools().discard(connection);
      }
    };
    FullHttpResponse switching = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, head.status());
    switching.headers().set(head.headers());
    client.nextResponseIsHead(false);
    responseHeadSent = true;
    clientChannel.writeAndFlush(switching);
    state = State.DONE;
    if (client.switchToTunnel(connection, free)) {
      UpstreamPools.switchToTunnel(connection, new TunnelRelay(clientChannel, free));
    } else {
      free.run();
      clientChannel.close();
    }
    releaseBuffers();
    logTransaction();
  }

  private boolean mayHaveBody(HttpResponse head) {
    int code = head.status().code();
    return !this.head && code != 204 && code != 304;
  }

  private void onResponseContent(HttpContent content) {
    boolean last = content instanceof LastHttpContent;
    if (skippingInterim) {
      content.release();
      skippingInterim = !last;
      return;
    }
    if (state == State.BUFFERING_RESPONSE) {
      responseBody.add(content);
      responseBytes += content.content().readableBytes();
      try {
        if (content.content().isReadable()) {
          byte[] copy = ByteBufUtil.getBytes(content.content());
          if (enforce(tx.appendResponseBody(copy, 0, copy.length))) {
            return;
          }
        }
        if (!last && responseBytes < inspectLimit) {
          return;
        }
        if (runPhase4()) {
          return;
        }
      } catch (RuntimeException e) {
        if (!engineFailed(e)) {
          return;
        }
      }
      state = State.RESPONDING;
      sendResponseHead();
      for (HttpContent piece : responseBody) {
        clientChannel.write(piece);
      }
      responseBody.clear();
      if (last) {
        complete(null);
      } else {
        clientChannel.flush();
      }
      return;
    }
    if (state != State.RESPONDING) {
      content.release();
      return;
    }
    if (last) {
      complete(content);
      return;
    }
    clientChannel.writeAndFlush(content);
    if (!clientChannel.isWritable()) {
      upstream.config().setAutoRead(false);
    }
  }

  /** Runs phase 4; returns true when it interrupted the exchange. */
  private boolean runPhase4() {
    phase4Done = true;
    long start = System.nanoTime();
    Interruption interruption = tx.processResponseBody();
    context.metrics().phase(4, System.nanoTime() - start);
    return enforce(interruption);
  }

  /** The client socket drained: resume reading the upstream response. */
  public void onClientWritable() {
    if (upstream != null && state == State.RESPONDING) {
      upstream.config().setAutoRead(true);
    }
  }

  private void sendResponseHead() {
    // The upstream's head is forwarded as the same object, edited in place: copying every header
    // into a new map was a measurable part of a plain proxied request.
    HttpHeaders headers = response.headers();
    boolean lengthKnown = headers.contains(HttpHeaderNames.CONTENT_LENGTH);
    boolean upstreamChunked = HttpUtil.isTransferEncodingChunked(response);
    HopByHopHeaders.of(headers).removeFrom(headers);
    int code = response.status().code();
    boolean bodyless = code == 204 || code == 304;
    if (!lengthKnown && !bodyless) {
      if (request.protocolVersion() == HttpVersion.HTTP_1_1) {
        if (!head || upstreamChunked) {
          headers.add(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        }
      } else if (!head) {
        closeAfterResponse = true;
      }
    }
    boolean persistent = keepAlive && requestComplete && !closeAfterResponse;
    if (!persistent) {
      headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    } else if (request.protocolVersion() == HttpVersion.HTTP_1_0) {
      headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
    }
    keepAlive = persistent;
    client.nextResponseIsHead(head);
    responseHeadSent = true;
    response.setProtocolVersion(HttpVersion.HTTP_1_1);
    clientChannel.write(response);
  }

  /**
   * Ends a forwarded exchange: phase 4, then phase 5 and the alert stream, and only then the last
   * response bytes, so a client that has the whole response can rely on its alerts being written.
   *
   * @param lastContent the final piece still to send, or null when everything is written but not flushed
   */
  private void complete(HttpContent lastContent) {
    if (tx != null && !phase4Done) {
      try {
        // Phase 4 still runs (CRS scores outbound anomalies there) even when the body was streamed.
        phase4Done = true;
        long start = System.nanoTime();
        Interruption late = tx.processResponseBody();
        context.metrics().phase(4, System.nanoTime() - start);
        if (late != null && verdict == null) {
          verdict = late;
        }
      } catch (RuntimeException e) {
        context.metrics().engineError();
        LOG.warn("engine failed in phase 4 of {}", tx.id(), e);
      }
    }
    logTransaction();
    if (lastContent != null) {
      clientChannel.write(lastContent);
    }
    clientChannel.flush();
    boolean reusable = response != null && upstreamKeepAlive && requestComplete;
    Channel connection = upstream;
    upstream = null;
    if (connection != null) {
      connection.config().setAutoRead(true);
      if (reusable) {
        context.pools().release(connection);
      } else {
        context.pools().discard(connection);
      }
    }
    finish(keepAlive);
  }

  // ---- verdicts and failures ----

  /** Enforces an interruption unless the engine or the proxy runs detection-only; true when enforced. */
  private boolean enforce(Interruption interruption) {
    if (interruption == null) {
      return false;
    }
    verdict = interruption;
    if (config.engineMode() == EngineMode.DETECTION_ONLY || tx.detectionOnly()) {
      return false;
    }
    enforced = true;
    context.metrics().blocked();
    boolean canContinue = requestComplete && !responseHeadSent;
    switch (interruption.action()) {
      case "drop":
        finishByClosing();
        break;
      case "redirect":
        finishWith(ErrorPages.redirect(interruption.status(), interruption.redirectUrl(), !canContinue), canContinue);
        break;
      default:
        finishWith(ErrorPages.page(interruption.status(), tx.id(), !canContinue), canContinue);
    }
    return true;
  }

  /** Handles an engine exception; true when the exchange goes on without inspection (fail open). */
  private boolean engineFailed(RuntimeException e) {
    context.metrics().engineError();
    String id = tx == null ? "(no transaction)" : tx.id();
    LOG.error("engine failed on transaction {}", id, e);
    if (!config.failClosed()) {
      closeTransactionQuietly();
      return true;
    }
    finishWith(ErrorPages.page(500, tx == null ? null : tx.id(), true), false);
    return false;
  }

  private void upstreamFailed(Throwable cause) {
    if (state == State.DONE) {
      return;
    }
    stopResponseDeadline();
    Channel failed = upstream;
    upstream = null;
    if (failed != null) {
      context.pools().discard(failed);
    }
    if (!responseHeadSent && !(cause instanceof TimeoutException) && canRetry(failed)) {
      retried = true;
      LOG.debug("retrying on a fresh upstream connection after {}", cause.toString());
      for (ByteBuf piece : replay) {
        pendingBody.add(new DefaultHttpContent(piece.retainedDuplicate()));
      }
      pendingBody.add(LastHttpContent.EMPTY_LAST_CONTENT);
      pendingBytes = 0;
      for (ByteBuf piece : replay) {
        pendingBytes += piece.readableBytes();
      }
      connectUpstream();
      return;
    }
    context.metrics().upstreamError();
    LOG.warn("upstream {} failed: {}", route.upstream(), cause.toString());
    if (responseHeadSent) {
      finishByClosing();
      return;
    }
    int status = cause instanceof TimeoutException || cause instanceof io.netty.channel.ConnectTimeoutException ? 504 : 502;
    finishWith(ErrorPages.page(status, tx == null ? null : tx.id(), !requestComplete), requestComplete);
  }

  /** A reused keep-alive connection may have been closed by the upstream just as we sent: retry once. */
  private boolean canRetry(Channel failed) {
    return !retried && failed != null && requestComplete && replay != null && response == null
        && UpstreamPools.reused(failed) && !skippingInterim;
  }

  /** The client connection is gone or broken: abandon the exchange. */
  public void abort() {
    if (state == State.DONE) {
      return;
    }
    stopResponseDeadline();
    Channel connection = upstream;
    upstream = null;
    if (connection != null) {
      context.pools().discard(connection);
    }
    state = State.DONE;
    releaseBuffers();
    logTransaction();
  }

  private void finishWith(FullHttpResponse page, boolean connectionReusable) {
    client.nextResponseIsHead(head);
    responseHeadSent = true;
    logTransaction();
    clientChannel.writeAndFlush(page);
    discardUpstream();
    finish(connectionReusable && keepAlive);
  }

  private void finishByClosing() {
    discardUpstream();
    finish(false);
    clientChannel.close();
  }

  private void discardUpstream() {
    stopResponseDeadline();
    Channel connection = upstream;
    upstream = null;
    if (connection != null) {
      context.pools().discard(connection);
    }
  }

  private void finish(boolean reuseClientConnection) {
    if (state == State.DONE) {
      return;
    }
    state = State.DONE;
    releaseBuffers();
    logTransaction();
    client.exchangeFinished(reuseClientConnection);
  }

  private void logTransaction() {
    if (tx == null) {
      return;
    }
    try {
      long start = System.nanoTime();
      tx.processLogging();
      context.metrics().phase(5, System.nanoTime() - start);
      List<MatchedRule> matched = tx.reportedRules();
      boolean wouldHaveBlocked = verdict != null;
      for (MatchedRule rule : matched) {
        wouldHaveBlocked |= rule.disruptive();
        // A hit is a match the rule reports: a nolog rule is here only when it blocks.
        if (rule.log()) context.metrics().ruleHit(rule.ruleId());
      }
      if (wouldHaveBlocked && !enforced) {
        context.metrics().wouldHaveBlocked();
      }
      AlertStream alerts = context.alerts();
      if (alerts != null) {
        alerts.publish(new AlertStream.Context(tx.id(), client.remoteHost(),
            request.method().name(), request.uri()), matched, verdict, enforced);
      }
    } catch (RuntimeException e) {
      context.metrics().engineError();
      LOG.error("engine failed logging transaction {}", tx.id(), e);
    } finally {
      closeTransactionQuietly();
    }
  }

  private void closeTransactionQuietly() {
    Transaction current = tx;
    tx = null;
    if (current != null) {
      try {
        current.close();
      } catch (RuntimeException e) {
        LOG.warn("closing transaction {} failed", current.id(), e);
      }
    }
  }

  /** Stops the response deadline; releasing or discarding the connection stops it too. */
  private void stopResponseDeadline() {
    if (upstream != null) {
      responseDeadline.stop();
    }
  }

  private void releaseReplay() {
    if (replay != null) {
      replay.forEach(ByteBuf::release);
      replay = null;
    }
  }

  private void releaseBuffers() {
    pendingBody.forEach(ReferenceCountUtil::release);
    pendingBody.clear();
    responseBody.forEach(ReferenceCountUtil::release);
    responseBody.clear();
    releaseReplay();
  }

  @Override
  public void onUpstreamWritable() {
    if (state == State.STREAMING_BODY) {
      client.readMoreRequestBody();
    }
  }

  @Override
  public void onUpstreamFailure(Throwable cause) {
    // A close that ends a close-delimited response arrives after its last content: nothing to do then.
    upstreamFailed(cause);
  }
}
