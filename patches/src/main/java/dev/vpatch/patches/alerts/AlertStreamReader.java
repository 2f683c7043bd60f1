package dev.vpatch.patches.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpatch.patches.PatchExport;
import dev.vpatch.store.Store;
import dev.vpatch.store.model.Alert;
import dev.vpatch.store.model.Patch;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the proxy's alert stream (JSON lines: time, transaction id, client, method, uri, rule id,
 * msg, variable, data, action "blocked" or "would have blocked"), links each alert to the patch
 * owning its rule id and that patch's vulnerability, and stores the whole stream in one
 * transaction. Field names are accepted in snake_case and camelCase; a bad line fails the import
 * with its line number and stores nothing.
 */
public final class AlertStreamReader {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Store store;

  public AlertStreamReader(Store store) {
    this.store = store;
  }

  public AlertImport read(Reader input, String name) throws IOException {
    List<Alert> alerts = new ArrayList<>();
    try (BufferedReader lines = new BufferedReader(input)) {
      String line;
      int number = 0;
      while ((line = lines.readLine()) != null) {
        number++;
        if (!line.isBlank()) {
          alerts.add(parse(line, name + ":" + number));
        }
      }
    }
    return store.inTransaction(session -> {
      int stored = 0;
      int linked = 0;
      for (Alert alert : alerts) {
        Patch patch = session.patches().findByRuleId(alert.ruleId()).orElse(null);
        Alert withLinks = new Alert(0, alert.at(), alert.transactionId(), alert.client(), alert.method(), alert.uri(),
            alert.ruleId(), patch == null ? null : patch.id(), patch == null ? null : patch.vulnId(), alert.msg(),
            alert.variable(), alert.data(), alert.action());
        if (session.alerts().insert(withLinks)) {
          stored++;
          linked += patch == null ? 0 : 1;
        }
      }
      return new AlertImport(stored, alerts.size() - stored, linked);
    });
  }

  static Alert parse(String line, String where) {
    JsonNode node;
    try {
      node = MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(where + ": not a JSON object: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(where + ": an alert must be a JSON object");
    }
    String ruleText = text(node, "rule_id", "ruleId", "rule", "id");
    if (ruleText == null) {
      throw new IllegalArgumentException(where + ": alert without rule_id");
    }
    long ruleId;
    try {
      ruleId = Long.parseLong(ruleText.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(where + ": rule_id '" + ruleText + "' is not a number");
    }
    return new Alert(0, time(node, where), text(node, "transaction_id", "transactionId", "unique_id", "tx"),
        text(node, "client", "client_ip", "clientIp"), text(node, "method"), text(node, "uri", "url"), ruleId, null, null,
        text(node, "msg", "message"), text(node, "variable", "matched_var", "matched_var_name", "var"),
        text(node, "matched_data", "data", "logdata"), action(text(node, "action", "disposition"), tags(node)));
  }

  private static Instant time(JsonNode node, String where) {
    JsonNode value = first(node, "time", "timestamp", "ts", "at");
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException(where + ": alert without time");
    }
    if (value.isNumber()) {
      long number = value.asLong();
      return number > 100_000_000_000L ? Instant.ofEpochMilli(number) : Instant.ofEpochSecond(number);
    }
    try {
      return Instant.parse(value.asText());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(where + ": time '" + value.asText() + "' is not ISO-8601 (e.g. 2026-03-01T10:00:00Z)");
    }
  }

  /**
   * "blocked", "would have blocked" or "logged". A match of a log-only vpatch rule (tag
   * {@value PatchExport#LOG_ONLY_TAG}, action {@code pass}) is what the patch would have blocked,
   * whatever the proxy calls it.
   */
  static String action(String text, List<String> tags) {
    String lower = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
    if (tags.contains(PatchExport.LOG_ONLY_TAG) || lower.contains("would") || lower.contains("log only")
        || lower.equals("detected")) {
      return Alert.WOULD_HAVE_BLOCKED;
    }
    return lower.equals("logged") || lower.equals("pass") ? "logged" : Alert.BLOCKED;
  }

  private static List<String> tags(JsonNode node) {
    List<String> tags = new ArrayList<>();
    node.path("tags").forEach(tag -> tags.add(tag.asText()));
    return tags;
  }

  private static String text(JsonNode node, String... names) {
    JsonNode value = first(node, names);
    return value == null || value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString();
  }

  private static JsonNode first(JsonNode node, String... names) {
    for (String name : names) {
      if (node.has(name)) {
        return node.get(name);
      }
    }
    return null;
  }
}
