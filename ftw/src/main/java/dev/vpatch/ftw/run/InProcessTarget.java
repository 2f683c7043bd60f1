package dev.vpatch.ftw.run;

import dev.vpatch.engine.ByteStrings;
import dev.vpatch.engine.Interruption;
import dev.vpatch.engine.MatchedRule;
import dev.vpatch.engine.RuleSet;
import dev.vpatch.engine.Transaction;
import dev.vpatch.ftw.backend.Albedo;
import dev.vpatch.ftw.backend.BackendResponse;
import dev.vpatch.ftw.backend.StatusTexts;
import dev.vpatch.ftw.http.HttpRequestParser;
import dev.vpatch.ftw.http.ParseResult;
import dev.vpatch.ftw.http.ParsedRequest;
import dev.vpatch.ftw.model.HeaderField;
import dev.vpatch.ftw.model.StageInput;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a stage against the engine in this process, standing in for the web server and the backend
 * of CRS's test setup: the raw request is read by a strict parser (a rejected request gets the
 * parser's status and never reaches the engine, as when the server refuses it), fed to a
 * {@link Transaction} phase by phase, answered by the albedo emulation, and the response fed to
 * phases 3 and 4. The status is the backend's unless the engine interrupted and enforces (not
 * DetectionOnly). A request whose body never fully arrives runs phase 1 and logging only and ends
 * in a timeout error, as a server waiting for the rest would. An HTTP/0.9 request gets an answer
 * without status line, which a client reports as an error. Repeated request header fields reach the
 * engine combined into one comma-separated field (RFC 9110 section 5.3; Apache does so), except
 * Cookie. Thread-safe: one transaction per call.
 */
public final class InProcessTarget implements StageTarget {
  private static final String CLIENT_ADDRESS = "127.0.0.1";
  private static final int CLIENT_PORT = 40000;

  private final RuleSet rules;
  private final Albedo backend;

  public InProcessTarget(RuleSet rules) {
    this(rules, new Albedo());
  }

  public InProcessTarget(RuleSet rules, Albedo backend) {
    this.rules = rules;
    this.backend = backend;
  }

  @Override
  public StageOutcome send(StageInput input, byte[] request) {
    ParseResult parsed = HttpRequestParser.parse(request);
    if (parsed instanceof ParseResult.Rejected rejected) {
      String response = "HTTP/1.1 " + rejected.status() + " " + StatusTexts.of(rejected.status())
          + "\r\nConnection: close\r\n\r\n";
      return new StageOutcome(rejected.status(), null, List.of(), "server rejected the request: " + rejected.reason(), response);
    }
    try (Transaction tx = rules.newTransaction()) {
      if (parsed instanceof ParseResult.Incomplete incomplete) {
        return incomplete(tx, input, incomplete);
      }
      return complete(tx, input, ((ParseResult.Complete) parsed).request());
    }
  }

  private StageOutcome incomplete(Transaction tx, StageInput input, ParseResult.Incomplete incomplete) {
    if (incomplete.head() == null) {
      return StageOutcome.failure("timeout: " + incomplete.reason(), List.of(), "");
    }
    requestHead(tx, input, incomplete.head());
    tx.processRequestHeaders();
    tx.processLogging();
    return StageOutcome.failure("timeout: " + incomplete.reason(), loggedIds(tx), log(tx, incomplete.head()));
  }

  private StageOutcome complete(Transaction tx, StageInput input, ParsedRequest request) {
    requestHead(tx, input, request);
    Interruption interruption = enforced(tx, tx.processRequestHeaders());
    if (interruption == null) {
      if (tx.requestBodyAccess() && request.body().length > 0) {
        interruption = enforced(tx, tx.appendRequestBody(request.body(), 0, request.body().length));
      }
      if (interruption == null) {
        interruption = enforced(tx, tx.processRequestBody());
      }
    }
    BackendResponse response = interruption == null ? backend.respond(request) : null;
    if (response != null) {
      for (HeaderField header : response.headers()) {
        tx.addResponseHeader(header.name(), header.value());
      }
      interruption = enforced(tx, tx.processResponseHeaders(response.status(), "HTTP/1.1"));
      if (interruption == null) {
        if (tx.responseBodyAccess() && response.body().length > 0) {
          interruption = enforced(tx, tx.appendResponseBody(response.body(), 0, response.body().length));
        }
        if (interruption == null) {
          interruption = enforced(tx, tx.processResponseBody());
        }
      }
    }
    tx.processLogging();
    List<Long> ids = loggedIds(tx);
    String log = log(tx, request);
    if (request.isSimpleRequest()) {
      return StageOutcome.failure("HTTP/0.9 response without status line", ids, log);
    }
    if (interruption != null) {
      return interrupted(interruption, ids, log);
    }
    return new StageOutcome(response.status(), null, ids, log, ByteStrings.of(response.toBytes()));
  }

  private static StageOutcome interrupted(Interruption interruption, List<Long> ids, String log) {
    if (interruption.action().equals("drop")) {
      return StageOutcome.failure("connection closed by server (drop)", ids, log);
    }
    StringBuilder response = new StringBuilder("HTTP/1.1 ").append(interruption.status()).append(' ')
        .append(StatusTexts.of(interruption.status())).append("\r\n");
    if (interruption.redirectUrl() != null) {
      response.append("Location: ").append(interruption.redirectUrl()).append("\r\n");
    }
    response.append("Connection: close\r\n\r\n");
    return new StageOutcome(interruption.status(), null, ids, log, response.toString());
  }

  private static void requestHead(Transaction tx, StageInput input, ParsedRequest request) {
    tx.processConnection(CLIENT_ADDRESS, CLIENT_PORT, CLIENT_ADDRESS, input.port());
    tx.processUri(request.target(), request.method(), request.version());
    for (HeaderField header : combined(request.headers())) {
      tx.addRequestHeader(header.name(), header.value());
    }
  }

  static List<HeaderField> combined(List<HeaderField> headers) {
    List<HeaderField> result = new ArrayList<>(headers.size());
    for (HeaderField header : headers) {
      int earlier = header.named("Cookie") ? -1 : indexOf(result, header.name());
      if (earlier < 0) {
        result.add(header);
      } else {
        HeaderField first = result.get(earlier);
        result.set(earlier, new HeaderField(first.name(), first.value() + ", " + header.value()));
      }
    }
    return result;
  }

  private static int indexOf(List<HeaderField> headers, String name) {
    for (int i = 0; i < headers.size(); i++) {
      if (headers.get(i).named(name)) {
        return i;
      }
    }
    return -1;
  }

  /** In DetectionOnly the verdict is recorded but the exchange goes on. */
  private static Interruption enforced(Transaction tx, Interruption interruption) {
    return interruption == null || tx.detectionOnly() ? null : interruption;
  }

  private static List<Long> loggedIds(Transaction tx) {
    List<Long> ids = new ArrayList<>();
    for (MatchedRule rule : tx.reportedRules()) {
      if (rule.log()) {
        ids.add(rule.ruleId());
      }
    }
    return ids;
  }

  private static String log(Transaction tx, ParsedRequest request) {
    StringBuilder log = new StringBuilder();
    for (MatchedRule rule : tx.reportedRules()) {
      if (rule.log()) {
        log.append(ErrorLogLine.of(rule, request.target(), tx.id())).append('\n');
      }
    }
    return log.toString();
  }
}
