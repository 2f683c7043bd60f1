package dev.vpatch.ftw.support;

import dev.vpatch.engine.seclang.SecLangException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;

/**
 * Skips (rather than fails) a test while the engine is incomplete: it throws
 * UnsupportedOperationException, or cannot load a rule because an operator, transformation, action
 * or variable is not implemented yet ("unknown ..."). Any other load error fails the test.
 */
public final class EngineAvailability {
  private EngineAvailability() {}

  public static <T> T orSkip(Supplier<T> engineWork) {
    try {
      return engineWork.get();
    } catch (UnsupportedOperationException e) {
      Assumptions.abort("engine not complete yet: " + e.getMessage());
      throw e;
    } catch (SecLangException e) {
      if (e.reason() != null && e.reason().startsWith("unknown ")) {
        Assumptions.abort("engine not complete yet: " + e.getMessage());
      }
      throw e;
    }
  }
}
