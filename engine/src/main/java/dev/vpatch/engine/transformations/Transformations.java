package dev.vpatch.engine.transformations;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The registry of transformations by SecLang name (case-insensitive). One line per transformation. */
public final class Transformations {
  private static final Map<String, Transformation> BY_NAME = new TreeMap<>();

  static {
    // register("lowercase", new Lowercase());
  }

  private Transformations() {}

  private static void register(String name, Transformation transformation) {
    BY_NAME.put(name.toLowerCase(Locale.ROOT), transformation);
  }

  /** The transformation named {@code name}, or null when unknown. {@code none} is handled by rules. */
  public static Transformation lookup(String name) {
    return BY_NAME.get(name.toLowerCase(Locale.ROOT));
  }

  public static Set<String> names() {
    return BY_NAME.keySet();
  }
}
