package dev.vpatch.store.model;

import java.util.Locale;

/** Impact of a vulnerability, ordered from least to most severe. */
public enum Severity {
  INFO,
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Severity parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("unknown severity '" + text + "': use info, low, medium, high or critical");
    }
  }
}
