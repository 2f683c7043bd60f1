package dev.vpatch.proxy;

import java.util.Locale;

/** The proxy-wide engine mode, on top of whatever SecRuleEngine the rule files set. */
public enum EngineMode {
  /** Rules run and their verdicts are enforced (unless the rules themselves say DetectionOnly). */
  ON,
  /** Rules run and verdicts are recorded ("would have blocked") but never enforced. */
  DETECTION_ONLY,
  /** No transaction is created: a plain reverse proxy. */
  OFF;

  /** Parses {@code on}, {@code detection-only} (or {@code detectiononly}) and {@code off}. */
  public static EngineMode parse(String text) {
    String normalized = text.trim().toLowerCase(Locale.ROOT).replace("_", "-");
    switch (normalized) {
      case "on":
        return ON;
      case "detection-only":
      case "detectiononly":
        return DETECTION_ONLY;
      case "off":
        return OFF;
      default:
        throw new IllegalArgumentException("engine mode must be on, detection-only or off, not '" + text + "'");
    }
  }
}
