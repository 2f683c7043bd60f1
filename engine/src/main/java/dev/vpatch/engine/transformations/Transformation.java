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

  /**
   * Whether this transformation only changes the case of ASCII letters. The literal prefilter
   * ignores ASCII case, so such an output contains the same literals as its input and need not be
   * scanned again.
   */
  default boolean changesAsciiCaseOnly() {
    return false;
  }

  /**
   * The {@link ByteClasses} a value must hold for this transformation to change it: {@link #apply}
   * returns a value whose summary shares no bit with these as it is, so a caller holding the
   * summary may skip the call. {@link ByteClasses#ANY} (the default) when any value may change. Asked
   * once per rule set, when its chains are built.
   */
  default long triggers() {
    return ByteClasses.ANY;
  }
}
