package dev.vpatch.engine.operators;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The registry of operators by SecLang name (matched case-insensitively). One line per operator. */
public final class Operators {
  private static final Map<String, OperatorFactory> FACTORIES = new TreeMap<>();

  static {
    // register("rx", RxOperator::new);
    register("detectSQLi", DetectSqliOperator::new);
    register("detectXSS", DetectXssOperator::new);
  }

  private Operators() {}

  private static void register(String name, OperatorFactory factory) {
    FACTORIES.put(name.toLowerCase(Locale.ROOT), factory);
  }

  /** The factory for {@code name} (without the {@code @}), or null when unknown. */
  public static OperatorFactory lookup(String name) {
    return FACTORIES.get(name.toLowerCase(Locale.ROOT));
  }

  public static Set<String> names() {
    return FACTORIES.keySet();
  }
}
