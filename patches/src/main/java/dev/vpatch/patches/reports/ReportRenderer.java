package dev.vpatch.patches.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpatch.patches.reports.LifecycleReport.ClassTimes;
import dev.vpatch.patches.reports.LifecycleReport.PatchHits;
import dev.vpatch.patches.reports.LifecycleReport.PatchRef;
import dev.vpatch.patches.reports.LifecycleReport.SourceCount;
import java.util.List;
import java.util.Locale;

/** Renders a {@link LifecycleReport} as text, JSON or a self-contained HTML page. */
public final class ReportRenderer {
  private ReportRenderer() {}

  public static String render(LifecycleReport report, String format) {
    switch (format == null ? "text" : format.toLowerCase(Locale.ROOT)) {
      case "text":
        return text(report);
      case "json":
        return json(report);
      case "html":
        return html(report);
      default:
        throw new IllegalArgumentException("unknown report format '" + format + "': use text, json or html");
    }
  }

  static String text(LifecycleReport r) {
    StringBuilder out = new StringBuilder();
    out.append("vpatch report, ").append(r.generatedAt()).append("\n\nPatch hits (blocked / would have blocked)\n");
    if (r.patches().isEmpty()) {
      out.append("  no deployed patches\n");
    }
    for (PatchHits p : r.patches()) {
      out.append(String.format("  patch %d %s [%s] rules %s: %d hits, %d blocked, %d would have blocked%n", p.patchId(),
          p.vulnId(), p.mode(), ruleIds(p.ruleIds()), p.total(), p.blocked(), p.wouldHaveBlocked()));
      p.byDay().forEach((day, counts) -> out.append(String.format("      %s  %d blocked, %d would have blocked%n", day,
          counts[0], counts[1])));
      if (!p.topSources().isEmpty()) {
        out.append("      top sources: ");
        for (int i = 0; i < p.topSources().size(); i++) {
          SourceCount s = p.topSources().get(i);
          out.append(i == 0 ? "" : ", ").append(s.client()).append(" (").append(s.hits()).append(')');
        }
        out.append('\n');
      }
    }
    out.append("\nTime to mitigate / fix per vulnerability class (median)\n");
    for (ClassTimes c : r.classTimes()) {
      out.append(String.format("  %-16s %d vulnerabilities, %d mitigated in %s, %d fixed in %s%n", c.vulnClass(),
          c.vulnerabilities(), c.mitigated(), duration(c.medianHoursToMitigate()), c.fixed(),
          duration(c.medianHoursToFix())));
    }
    refs(out, "\nPatches due for review\n", r.dueForReview());
    refs(out, "\nActive patches that never fired\n", r.neverFired());
    return out.toString();
  }

  private static void refs(StringBuilder out, String heading, List<PatchRef> refs) {
    out.append(heading);
    if (refs.isEmpty()) {
      out.append("  none\n");
    }
    for (PatchRef p : refs) {
      out.append(String.format("  patch %d %s [%s] review due %s: %s%n", p.patchId(), p.vulnId(), p.mode(),
          p.reviewDue() == null ? "-" : p.reviewDue(), p.title()));
    }
  }

  static String json(LifecycleReport r) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("generated_at", r.generatedAt().toString());
    ArrayNode patches = root.putArray("patches");
    for (PatchHits p : r.patches()) {
      ObjectNode node = patches.addObject();
      node.put("patch_id", p.patchId());
      node.put("vulnerability_id", p.vulnId());
      node.put("title", p.title());
      node.put("mode", p.mode());
      p.ruleIds().forEach(node.putArray("rule_ids")::add);
      node.put("hits", p.total());
      node.put("blocked", p.blocked());
      node.put("would_have_blocked", p.wouldHaveBlocked());
      ArrayNode days = node.putArray("by_day");
      p.byDay().forEach((day, counts) -> days.addObject().put("day", day.toString()).put("blocked", counts[0])
          .put("would_have_blocked", counts[1]));
      ArrayNode sources = node.putArray("top_sources");
      p.topSources().forEach(s -> sources.addObject().put("client", s.client()).put("hits", s.hits()));
    }
    ArrayNode classes = root.putArray("time_to_mitigate_and_fix");
    for (ClassTimes c : r.classTimes()) {
      ObjectNode node = classes.addObject().put("class", c.vulnClass()).put("vulnerabilities", c.vulnerabilities())
          .put("mitigated", c.mitigated()).put("fixed", c.fixed());
      node.put("median_hours_to_mitigate", c.medianHoursToMitigate());
      node.put("median_hours_to_fix", c.medianHoursToFix());
    }
    refsJson(root.putArray("due_for_review"), r.dueForReview());
    refsJson(root.putArray("never_fired"), r.neverFired());
    try {
      return mapper.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void refsJson(ArrayNode array, List<PatchRef> refs) {
    for (PatchRef p : refs) {
      array.addObject().put("patch_id", p.patchId()).put("vulnerability_id", p.vulnId()).put("mode", p.mode())
          .put("review_due", p.reviewDue() == null ? null : p.reviewDue().toString()).put("title", p.title());
    }
  }

  static String html(LifecycleReport r) {
    StringBuilder out = new StringBuilder("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>vpatch report</title><style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
        + "td,th{border:1px solid #bbb;padding:4px 8px;text-align:left}th{background:#eee}.b{color:#a00}.w{color:#a60}"
        + "</style></head><body>\n<h1>vpatch report</h1><p>Generated " + esc(r.generatedAt().toString()) + "</p>\n");
    out.append("<h2>Patch hits</h2><table><tr><th>Patch</th><th>Vulnerability</th><th>Mode</th><th>Rules</th>"
        + "<th>Blocked</th><th>Would have blocked</th><th>Per day</th><th>Top sources</th></tr>\n");
    for (PatchHits p : r.patches()) {
      StringBuilder days = new StringBuilder();
      p.byDay().forEach((day, c) -> days.append(esc(day.toString())).append(": <span class=\"b\">").append(c[0])
          .append("</span> / <span class=\"w\">").append(c[1]).append("</span><br>"));
      StringBuilder sources = new StringBuilder();
      p.topSources().forEach(s -> sources.append(esc(s.client())).append(" (").append(s.hits()).append(")<br>"));
      out.append("<tr><td>").append(p.patchId()).append(' ').append(esc(p.title())).append("</td><td>")
          .append(esc(p.vulnId())).append("</td><td>").append(esc(p.mode())).append("</td><td>")
          .append(esc(ruleIds(p.ruleIds()))).append("</td><td class=\"b\">").append(p.blocked())
          .append("</td><td class=\"w\">").append(p.wouldHaveBlocked()).append("</td><td>").append(days)
          .append("</td><td>").append(sources).append("</td></tr>\n");
    }
    out.append("</table>\n<h2>Time to mitigate and fix (median)</h2><table><tr><th>Class</th><th>Vulnerabilities</th>"
        + "<th>Mitigated</th><th>Time to mitigate</th><th>Fixed</th><th>Time to fix</th></tr>\n");
    for (ClassTimes c : r.classTimes()) {
      out.append("<tr><td>").append(esc(c.vulnClass())).append("</td><td>").append(c.vulnerabilities()).append("</td><td>")
          .append(c.mitigated()).append("</td><td>").append(duration(c.medianHoursToMitigate())).append("</td><td>")
          .append(c.fixed()).append("</td><td>").append(duration(c.medianHoursToFix())).append("</td></tr>\n");
    }
    out.append("</table>\n");
    refsHtml(out, "Patches due for review", r.dueForReview());
    refsHtml(out, "Active patches that never fired", r.neverFired());
    return out.append("</body></html>\n").toString();
  }

  private static void refsHtml(StringBuilder out, String heading, List<PatchRef> refs) {
    out.append("<h2>").append(heading).append("</h2><ul>\n");
    if (refs.isEmpty()) {
      out.append("<li>none</li>\n");
    }
    for (PatchRef p : refs) {
      out.append("<li>patch ").append(p.patchId()).append(' ').append(esc(p.vulnId())).append(" [").append(esc(p.mode()))
          .append("] review due ").append(p.reviewDue() == null ? "-" : esc(p.reviewDue().toString())).append(": ")
          .append(esc(p.title())).append("</li>\n");
    }
    out.append("</ul>\n");
  }

  static String esc(String text) {
    if (text == null) {
      return "";
    }
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&#39;");
  }

  private static String duration(Double hours) {
    if (hours == null) {
      return "-";
    }
    return hours < 48 ? String.format(Locale.ROOT, "%.1f h", hours) : String.format(Locale.ROOT, "%.1f d", hours / 24);
  }

  private static String ruleIds(List<Long> ids) {
    if (ids.isEmpty()) {
      return "-";
    }
    return ids.size() == 1 ? ids.get(0).toString() : ids.get(0) + "-" + ids.get(ids.size() - 1);
  }
}
