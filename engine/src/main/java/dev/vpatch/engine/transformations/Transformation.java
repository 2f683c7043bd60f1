package dev.vpatch.engine.transformations;

/**
 * A SecLang transformation ({@code t:name}). Implementations are stateless singletons shared by
 * all threads. Input and output are byte strings (see {@link dev.vpatch.engine}).
 */
@FunctionalInterface
public interface Transformation {
  /**
   * Returns the transformed value; returns {@code input} itself (same instance) when nothing
   * changes, which lets callers skip work.
   */
  String apply(String input);
}
