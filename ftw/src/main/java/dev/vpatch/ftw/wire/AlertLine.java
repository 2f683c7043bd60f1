package dev.vpatch.ftw.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.vpatch.engine.ByteStrings;
import dev.vpatch.engine.MatchedRule;
import dev.vpatch.ftw.run.ErrorLogLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of vpatch's alert stream ({@code {"rule_id": N, "msg": ..., ...}}) rewritten as the
 * ModSecurity error log line go-ftw's {@code match_regex} expressions are written against, so a
 * test checks the same text over the wire as in-process.
 */
final class AlertLine {
  private static final JsonFactory JSON = new JsonFactory();
  private static final List<String> SEVERITIES =
      List.of("EMERGENCY", "ALERT", "CRITICAL", "ERROR", "WARNING", "NOTICE", "INFO", "DEBUG");

  private AlertLine() {}

  /** The error log form of {@code line}, or null when it is not an alert stream line. */
  static String asErrorLog(String line) {
    if (!line.startsWith("{") || !line.contains("\"rule_id\"")) {
      return null;
    }
    long ruleId = -1;
    int phase = 0;
    int severity = -1;
    String msg = "";
    String data = "";
    String variable = "";
    String value = "";
    String uri = "";
    String transactionId = "";
    List<String> tags = new ArrayList<>();
    // the file holds UTF-8; the parser wants the text back as Java chars
    String text = new String(line.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    try (JsonParser json = JSON.createParser(text)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        JsonToken token = json.nextToken();
        switch (field) {
          case "rule_id" -> ruleId = json.getValueAsLong(-1);
          case "phase" -> phase = json.getValueAsInt(0);
          case "severity" -> severity = SEVERITIES.indexOf(json.getValueAsString(""));
          case "msg" -> msg = bytes(json.getValueAsString(""));
          case "data" -> data = bytes(json.getValueAsString(""));
          case "matched_var" -> variable = bytes(json.getValueAsString(""));
          case "matched_data" -> value = bytes(json.getValueAsString(""));
          case "uri" -> uri = bytes(json.getValueAsString(""));
          case "transaction_id" -> transactionId = json.getValueAsString("");
          case "tags" -> readTags(json, token, tags);
          default -> json.skipChildren();
        }
      }
    } catch (IOException e) {
      return null;
    }
    if (ruleId < 0) {
      return null;
    }
    MatchedRule rule = new MatchedRule(ruleId, phase, msg, data, severity, tags, variable, value, "", 0, "", "", 0, 0,
        false, true);
    return ErrorLogLine.of(rule, uri, transactionId);
  }

  private static void readTags(JsonParser json, JsonToken token, List<String> tags) throws IOException {
    if (token != JsonToken.START_ARRAY) {
      json.skipChildren();
      return;
    }
    while (json.nextToken() != JsonToken.END_ARRAY) {
      tags.add(bytes(json.getValueAsString("")));
    }
  }

  private static String bytes(String text) {
    return ByteStrings.of(text.getBytes(StandardCharsets.UTF_8));
  }
}
