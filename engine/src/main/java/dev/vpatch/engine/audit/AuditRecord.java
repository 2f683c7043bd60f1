package dev.vpatch.engine.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.vpatch.engine.ByteStrings;
import dev.vpatch.engine.MatchedRule;
import dev.vpatch.engine.rules.EngineMode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * One transaction as ModSecurity v3 writes it in its JSON audit log format, limited to the
 * configured parts (A header, B request headers, C/I request body, E response body, F response
 * headers, H messages and producer; K is folded into H as v3 does).
 */
public record AuditRecord(
    String id,
    long startMillis,
    String clientAddress,
    int clientPort,
    String serverAddress,
    int serverPort,
    String method,
    String uri,
    String protocol,
    List<String[]> requestHeaders,
    String requestBody,
    int status,
    String responseProtocol,
    List<String[]> responseHeaders,
    String responseBody,
    List<MatchedRule> messages,
    EngineMode mode,
    List<String> components,
    String parts) {

  private static final JsonFactory JSON = new JsonFactory();
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ROOT).withZone(ZoneId.systemDefault());

  public String toJson() {
    StringWriter out = new StringWriter(1024);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeObjectFieldStart("transaction");
      g.writeStringField("client_ip", clientAddress);
      g.writeStringField("time_stamp", TIMESTAMP.format(Instant.ofEpochMilli(startMillis)));
      g.writeStringField("server_id", "vpatch");
      g.writeNumberField("client_port", clientPort);
      g.writeStringField("host_ip", serverAddress);
      g.writeNumberField("host_port", serverPort);
      g.writeStringField("unique_id", id);
      g.writeObjectFieldStart("request");
      g.writeStringField("method", text(method));
      g.writeStringField("http_version", versionOf(protocol));
      g.writeStringField("uri", text(uri));
      if (has('C') || has('I')) g.writeStringField("body", text(requestBody));
      if (has('B')) headers(g, requestHeaders);
      g.writeEndObject();
      g.writeObjectFieldStart("response");
      g.writeNumberField("http_code", status);
      if (has('E')) g.writeStringField("body", text(responseBody));
      if (has('F')) headers(g, responseHeaders);
      g.writeEndObject();
      if (has('H') || has('K')) {
        g.writeObjectFieldStart("producer");
        g.writeStringField("modsecurity", "vpatch (SecLang engine; ModSecurity v3 compatible log)");
        g.writeStringField("connector", "vpatch");
        g.writeStringField("secrules_engine", engineName(mode));
        g.writeArrayFieldStart("components");
        for (String c : components) g.writeString(c);
        g.writeEndArray();
        g.writeEndObject();
        g.writeArrayFieldStart("messages");
        for (MatchedRule m : messages) {
          if (!m.log()) continue;
          message(g, m);
        }
        g.writeEndArray();
      }
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private boolean has(char part) {
    return parts.indexOf(part) >= 0;
  }

  private static void message(JsonGenerator g, MatchedRule m) throws IOException {
    g.writeStartObject();
    g.writeStringField("message", text(m.message()));
    g.writeObjectFieldStart("details");
    g.writeStringField("match", text("Matched \"" + m.variable() + "\" with value \"" + abbreviate(m.value()) + "\""));
    g.writeStringField("reference", "");
    g.writeStringField("ruleId", Long.toString(m.ruleId()));
    g.writeStringField("file", m.file());
    g.writeStringField("lineNumber", Integer.toString(m.line()));
    g.writeStringField("data", text(m.data()));
    g.writeStringField("severity", m.severity() < 0 ? "0" : Integer.toString(m.severity()));
    g.writeStringField("ver", m.version());
    g.writeStringField("rev", m.revision());
    g.writeArrayFieldStart("tags");
    for (String tag : m.tags()) g.writeString(tag);
    g.writeEndArray();
    g.writeStringField("maturity", Integer.toString(m.maturity()));
    g.writeStringField("accuracy", Integer.toString(m.accuracy()));
    g.writeEndObject();
    g.writeEndObject();
  }

  private static String abbreviate(String value) {
    if (value == null) return "";
    return value.length() > 256 ? value.substring(0, 256) : value;
  }

  private static void headers(JsonGenerator g, List<String[]> headers) throws IOException {
    g.writeObjectFieldStart("headers");
    for (String[] h : headers) g.writeStringField(text(h[0]), text(h[1]));
    g.writeEndObject();
  }

  private static String text(String byteString) {
    return byteString == null ? "" : ByteStrings.toText(byteString);
  }

  private static String versionOf(String protocol) {
    int slash = protocol == null ? -1 : protocol.indexOf('/');
    return slash < 0 ? (protocol == null ? "" : protocol) : protocol.substring(slash + 1);
  }

  private static String engineName(EngineMode mode) {
    switch (mode) {
      case ON:
        return "Enabled";
      case DETECTION_ONLY:
        return "DetectionOnly";
      default:
        return "Disabled";
    }
  }
}
