package dev.vpatch.engine.rules;

import java.util.Locale;

/** SecRuleEngine. */
public enum EngineMode {
  ON,
  OFF,
  DETECTION_ONLY;

  /** Parses On, Off, DetectionOnly (any case; also detection-only). */
  public static EngineMode parse(String text) {
    switch (text.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "")) {
      case "on":
        return ON;
      case "off":
        return OFF;
      case "detectiononly":
        return DETECTION_ONLY;
      default:
        throw new IllegalArgumentException("expected On, Off or DetectionOnly, not '" + text + "'");
    }
  }
}
