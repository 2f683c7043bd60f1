package dev.vpatch.patches.importers;

import dev.vpatch.store.model.Severity;
import java.util.Locale;

/** Severity words as scanners write them ("High", "critical", "Information"); anything else is informational. */
final class SeverityWords {
  private SeverityWords() {}

  static Severity parse(String text) {
    switch (text == null ? "" : text.trim().toLowerCase(Locale.ROOT)) {
      case "critical":
        return Severity.CRITICAL;
      case "high":
        return Severity.HIGH;
      case "medium":
        return Severity.MEDIUM;
      case "low":
        return Severity.LOW;
      default:
        return Severity.INFO;
    }
  }
}
