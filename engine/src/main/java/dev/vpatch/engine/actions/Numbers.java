package dev.vpatch.engine.actions;

import java.util.Locale;

/** Parsing of the numeric and enumerated action values. */
final class Numbers {
  private static final String[] SEVERITIES = {
    "EMERGENCY", "ALERT", "CRITICAL", "ERROR", "WARNING", "NOTICE", "INFO", "DEBUG"
  };

  private Numbers() {}

  static long parseLong(String value, String action, RuleSettings rule) {
    if (value == null) throw rule.invalid(action + " needs a value");
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw rule.invalid(action + " must be a number, not '" + value + "'");
    }
  }

  static int parsePhase(String value, RuleSettings rule) {
    if (value == null) throw rule.invalid("phase needs a value");
    switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "request":
        return 2;
      case "response":
        return 4;
      case "logging":
        return 5;
      default:
        long phase = parseLong(value, "phase", rule);
        if (phase < 1 || phase > 5) throw rule.invalid("phase must be 1-5, not " + phase);
        return (int) phase;
    }
  }

  static int parseSeverity(String value, RuleSettings rule) {
    if (value == null) throw rule.invalid("severity needs a value");
    String v = value.strip().toUpperCase(Locale.ROOT);
    for (int i = 0; i < SEVERITIES.length; i++) {
      if (SEVERITIES[i].equals(v)) return i;
    }
    long n = parseLong(v, "severity", rule);
    if (n < 0 || n > 7) throw rule.invalid("severity must be 0-7 or a name");
    return (int) n;
  }

  static String severityName(int severity) {
    return severity >= 0 && severity < SEVERITIES.length ? SEVERITIES[severity] : "";
  }
}
