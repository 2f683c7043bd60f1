package dev.vpatch.store.model;

import java.util.Locale;

/**
 * Enforcement state of a virtual patch. Only {@link #LOG_ONLY} and {@link #BLOCKING} patches are
 * loaded by the proxy; a {@link #DRAFT} was generated (e.g. by an import) but never deployed.
 */
public enum PatchMode {
  DRAFT,
  LOG_ONLY,
  BLOCKING,
  DISABLED,
  RETIRED;

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public boolean isActive() {
    return this == LOG_ONLY || this == BLOCKING;
  }

  public static PatchMode parse(String text) {
    for (PatchMode mode : values()) {
      if (mode.label().equalsIgnoreCase(text == null ? "" : text.trim())) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        "unknown patch mode '" + text + "': use draft, log-only, blocking, disabled or retired");
  }
}
