package dev.vpatch.engine.variables;

/** How a variable yields values. */
public enum VariableKind {
  /** One value, e.g. REQUEST_URI. */
  SCALAR,
  /** Members with keys, e.g. ARGS, TX. */
  COLLECTION,
  /** The keys of a collection as values, e.g. ARGS_NAMES. */
  NAMES,
  /** XPath over the parsed XML body. */
  XML
}
