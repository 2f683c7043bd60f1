package dev.vpatch.ftw.run;

import dev.vpatch.engine.MatchedRule;

/**
 * One matched rule written the way ModSecurity writes it to the server's error log, which is what
 * go-ftw's {@code match_regex} and {@code log_contains} expressions are written against:
 * {@code ModSecurity: Warning. ... [file "..."] [line "..."] [id "..."] [msg "..."] [data "..."]
 * [severity "..."] [ver "..."] [tag "..."] ... [uri "..."] [unique_id "..."]}. Like ModSecurity, field
 * values show control bytes, bytes above 0x7E, quotes and backslashes as {@code \xHH}, so a line
 * stays one line.
 */
public final class ErrorLogLine {
  private static final String[] SEVERITIES = {
    "EMERGENCY", "ALERT", "CRITICAL", "ERROR", "WARNING", "NOTICE", "INFO", "DEBUG"
  };

  private ErrorLogLine() {}

  public static String of(MatchedRule rule, String uri, String transactionId) {
    StringBuilder line = new StringBuilder(256);
    line.append("ModSecurity: Warning. Matched at ").append(rule.variable()).append('.');
    field(line, "file", rule.file());
    field(line, "line", Integer.toString(rule.line()));
    field(line, "id", Long.toString(rule.ruleId()));
    field(line, "rev", rule.revision());
    field(line, "msg", rule.message());
    field(line, "data", rule.data());
    field(line, "severity", rule.severity() >= 0 && rule.severity() < SEVERITIES.length
        ? Integer.toString(rule.severity()) : "");
    field(line, "ver", rule.version());
    field(line, "maturity", Integer.toString(rule.maturity()));
    field(line, "accuracy", Integer.toString(rule.accuracy()));
    for (String tag : rule.tags()) {
      field(line, "tag", tag);
    }
    field(line, "hostname", "127.0.0.1");
    field(line, "uri", uri);
    field(line, "unique_id", transactionId);
    return line.toString();
  }

  private static void field(StringBuilder line, String name, String value) {
    line.append(" [").append(name).append(" \"");
    if (value != null) {
      escape(line, value);
    }
    line.append("\"]");
  }

  private static void escape(StringBuilder line, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
        line.append(String.format("\\x%02x", (int) c & 0xFF));
      } else {
        line.append(c);
      }
    }
  }
}
