package dev.vpatch.engine.macros;

/** Resolves one macro reference to its current value in a transaction. */
@FunctionalInterface
public interface MacroResolver {
  /**
   * @param variable upper-case variable name, e.g. {@code TX}, {@code MATCHED_VAR}
   * @param key the member key as written, or null for a plain variable
   * @return the value, or null when absent
   */
  String resolve(String variable, String key);

  /** {@link #resolve(String, String)} of a compiled reference, which may know a faster way. */
  default String resolve(Macro.Reference reference) {
    return resolve(reference.variable(), reference.key());
  }
}
