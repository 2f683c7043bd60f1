package dev.vpatch.store.model;

import java.util.Locale;

/** Positive (allow-list of the legitimate input shape) or negative (block the attack class). */
public enum PatchModel {
  POSITIVE,
  NEGATIVE;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static PatchModel parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("unknown patch model '" + text + "': use positive or negative");
    }
  }
}
