package dev.vpatch.bench;

import dev.vpatch.bench.HttpExchange.Header;
import dev.vpatch.engine.ByteStrings;
import dev.vpatch.engine.Interruption;
import dev.vpatch.engine.MatchedRule;
import dev.vpatch.engine.RuleSet;
import dev.vpatch.engine.Transaction;
import java.util.List;

/**
 * Runs one whole engine transaction (phases 1–5) for an exchange the way a proxy would: the
 * request is inspected, and unless it is interrupted the application's response is inspected
 * too. The request bodies are converted to bytes once, up front, as a connector receives bytes.
 */
public final class ExchangeRunner {
  /**
   * What one transaction decided, and the rules it reports (as the proxy takes them: without the
   * nolog rules that do not block).
   */
  public record Verdict(Interruption interruption, List<MatchedRule> reportedRules) {
    public boolean matched(long ruleId) {
      return reportedRules.stream().anyMatch(rule -> rule.ruleId() == ruleId);
    }
  }

  private final RuleSet rules;
  private final HttpExchange exchange;
  private final byte[] requestBody;
  private final byte[] responseBody;

  public ExchangeRunner(RuleSet rules, HttpExchange exchange) {
    this.rules = rules;
    this.exchange = exchange;
    this.requestBody = ByteStrings.bytes(exchange.requestBody());
    this.responseBody = ByteStrings.bytes(exchange.responseBody());
  }

  public HttpExchange exchange() {
    return exchange;
  }

  /** One transaction from connection to logging. */
  public Verdict run() {
    try (Transaction tx = rules.newTransaction()) {
      Interruption interruption = inspect(tx);
      tx.processLogging();
      return new Verdict(interruption, tx.reportedRules());
    }
  }

  private Interruption inspect(Transaction tx) {
    tx.processConnection("127.0.0.1", 40000, "127.0.0.1", 8080);
    tx.processUri(exchange.uri(), exchange.method(), "HTTP/1.1");
    for (Header header : exchange.requestHeaders()) {
      tx.addRequestHeader(header.name(), header.value());
    }
    Interruption interruption = tx.processRequestHeaders();
    if (interruption != null) {
      return interruption;
    }
    if (requestBody.length > 0 && tx.requestBodyAccess()) {
      interruption = tx.appendRequestBody(requestBody, 0, requestBody.length);
      if (interruption != null) {
        return interruption;
      }
    }
    interruption = tx.processRequestBody();
    if (interruption != null) {
      return interruption;
    }
    if (tx.responseHeadersWanted()) {
      for (Header header : exchange.responseHeaders()) {
        tx.addResponseHeader(header.name(), header.value());
      }
    }
    interruption = tx.processResponseHeaders(exchange.status(), "HTTP/1.1");
    if (interruption != null) {
      return interruption;
    }
    if (tx.responseBodyAccess()) {
      interruption = tx.appendResponseBody(responseBody, 0, responseBody.length);
      if (interruption != null) {
        return interruption;
      }
    }
    return tx.processResponseBody();
  }
}
