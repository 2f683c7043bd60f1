package dev.vpatch.app.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpatch.store.model.Patch;
import dev.vpatch.store.model.PocRequest;
import dev.vpatch.store.model.StateChange;
import dev.vpatch.store.model.Vulnerability;
import java.time.Instant;
import java.util.List;

/** The JSON shapes the admin API answers with (snake_case, ISO-8601 times). */
final class JsonViews {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonViews() {}

  static ObjectNode vulnerability(Vulnerability v) {
    ObjectNode json = MAPPER.createObjectNode();
    json.put("id", v.id());
    json.put("title", v.title());
    json.put("class", v.vulnClass());
    json.put("cwe", v.cwe());
    v.cves().forEach(json.putArray("cves")::add);
    json.put("severity", v.severity().label());
    json.put("description", v.description());
    json.put("affected_software", v.affectedSoftware());
    json.put("affected_versions", v.affectedVersions());
    json.put("trigger_config", v.triggerConfig());
    json.putObject("location").put("method", v.location().method()).put("path", v.location().path())
        .put("parameter", v.location().parameter()).put("where", v.location().where().label());
    for (PocRequest poc : v.pocs()) {
      json.withArray("pocs").addObject().put("method", poc.method()).put("uri", poc.uri()).put("headers", poc.headers())
          .put("body", poc.body());
    }
    json.putObject("source").put("kind", v.source().kind()).put("tool", v.source().tool()).put("file", v.source().file())
        .put("finding_id", v.source().findingId());
    json.put("ticket_url", v.ticketUrl());
    json.putObject("signature").put("status", v.signature().status()).put("body_pattern", v.signature().bodyPattern())
        .put("min_millis", v.signature().minMillis());
    json.put("discovered_at", time(v.discoveredAt()));
    json.put("first_mitigated_at", time(v.firstMitigatedAt()));
    json.put("fixed_at", time(v.fixedAt()));
    return json;
  }

  static ObjectNode patch(Patch p, List<StateChange> history) {
    ObjectNode json = MAPPER.createObjectNode();
    json.put("id", p.id());
    json.put("vulnerability_id", p.vulnId());
    json.put("title", p.title());
    json.put("model", p.model().label());
    json.put("mode", p.mode().label());
    p.ruleIds().forEach(json.putArray("rule_ids")::add);
    json.put("review_due", p.reviewDue() == null ? null : p.reviewDue().toString());
    if (p.lastTest() != null) {
      json.putObject("last_test").put("at", time(p.lastTest().at())).put("passed", p.lastTest().passed())
          .put("summary", p.lastTest().summary());
    }
    json.put("seclang", p.seclang());
    json.put("tests_yaml", p.testsYaml());
    if (history != null) {
      for (StateChange c : history) {
        json.withArray("history").addObject().put("at", time(c.at())).put("actor", c.actor())
            .put("from", c.from() == null ? null : c.from().label()).put("to", c.to().label()).put("reason", c.reason());
      }
    }
    return json;
  }

  private static String time(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
