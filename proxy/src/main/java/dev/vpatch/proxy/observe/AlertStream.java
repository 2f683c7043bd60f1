package dev.vpatch.proxy.observe;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.vpatch.engine.ByteStrings;
import dev.vpatch.engine.Interruption;
import dev.vpatch.engine.MatchedRule;
import dev.vpatch.engine.audit.AuditSink;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * One JSON line per matched logging rule, for people and for the patch lifecycle: what matched,
 * where, and what the proxy did about it ({@code blocked}, {@code would have blocked} when the
 * verdict was not enforced, or {@code logged}).
 */
public final class AlertStream {
  private static final String[] SEVERITIES = {"EMERGENCY", "ALERT", "CRITICAL", "ERROR", "WARNING", "NOTICE", "INFO", "DEBUG"};
  private static final JsonFactory JSON = new JsonFactory();

  /** The exchange an alert belongs to. */
  public record Context(String transactionId, String client, String method, String uri) {}

  private final AuditSink sink;

  public AlertStream(AuditSink sink) {
    this.sink = sink;
  }

  /**
   * @param interruption the verdict the engine reached, or null
   * @param enforced whether the proxy enforced it
   */
  public void publish(Context context, List<MatchedRule> rules, Interruption interruption, boolean enforced) {
    Instant now = Instant.now();
    for (MatchedRule rule : rules) {
      if (!rule.log()) {
        continue;
      }
      boolean decided = rule.disruptive() || (interruption != null && interruption.ruleId() == rule.ruleId());
      String action = !decided ? "logged" : enforced ? "blocked" : "would have blocked";
      sink.write(line(now, context, rule, action));
    }
  }

  private static String line(Instant time, Context context, MatchedRule rule, String action) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("time", time.toString());
      json.writeStringField("transaction_id", context.transactionId());
      json.writeStringField("client", context.client());
      json.writeStringField("method", ByteStrings.toText(context.method()));
      json.writeStringField("uri", ByteStrings.toText(context.uri()));
      json.writeNumberField("rule_id", rule.ruleId());
      json.writeStringField("msg", ByteStrings.toText(rule.message()));
      json.writeStringField("matched_var", ByteStrings.toText(nullToEmpty(rule.variable())));
      json.writeStringField("matched_data", ByteStrings.toText(nullToEmpty(rule.value())));
      json.writeStringField("data", ByteStrings.toText(nullToEmpty(rule.data())));
      if (rule.severity() >= 0 && rule.severity() < SEVERITIES.length) {
        json.writeStringField("severity", SEVERITIES[rule.severity()]);
      }
      json.writeArrayFieldStart("tags");
      for (String tag : rule.tags()) {
        json.writeString(ByteStrings.toText(tag));
      }
      json.writeEndArray();
      json.writeNumberField("phase", rule.phase());
      json.writeStringField("action", action);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
