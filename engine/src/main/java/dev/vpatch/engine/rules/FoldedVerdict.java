package dev.vpatch.engine.rules;

/**
 * The verdict of a rule that reads only stable TX members (see {@link StableTx}), known when the
 * rule set is compiled: whether it matches, and then MATCHED_VAR_NAME and MATCHED_VAR as its match
 * sets them.
 */
public record FoldedVerdict(boolean matched, String variableName, String value) {
  public static final FoldedVerdict NO_MATCH = new FoldedVerdict(false, null, null);
}
