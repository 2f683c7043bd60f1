package dev.vpatch.engine.variables;

import dev.vpatch.engine.seclang.VariableSpec;
import java.util.List;

/**
 * A compiled rule target: one variable with its key selector, whether it counts, and the
 * exclusions ({@code !VAR:key}) of the same rule that apply to it.
 */
public final class Target {
  private final VariableSpec spec;
  private final VariableKind kind;
  private final KeySelector selector;
  private final KeySelector[] excluded;
  private final String collection;
  private final boolean args;
  private final boolean matchedVars;
  private final boolean ruleVariable;
  // Copied out of the spec and the selector: read for every target a rule visits, they spare
  // the visit a load from two more objects.
  private final String name;
  private final boolean count;
  private final boolean everyKey;
  private final LiteralKey literalKey;
  private final boolean hasExclusions;
  private final long variableBit;

  public Target(VariableSpec spec, VariableKind kind, List<KeySelector> exclusions) {
    this(spec, kind, KeySelector.of(spec), exclusions.toArray(KeySelector[]::new));
  }

  private Target(VariableSpec spec, VariableKind kind, KeySelector selector, KeySelector[] excluded) {
    this.spec = spec;
    this.kind = kind;
    this.selector = selector;
    this.excluded = excluded;
    this.name = spec.name().intern();
    this.count = spec.count();
    String base = kind == VariableKind.NAMES ? Variables.collectionOfNames(name) : name;
    // Interned: the collection maps are keyed by literals, so lookups hit on identity.
    this.collection = base == null ? null : base.intern();
    this.args = "ARGS".equals(base);
    this.matchedVars = name.equals("MATCHED_VARS") || name.equals("MATCHED_VARS_NAMES");
    this.ruleVariable = name.equals("RULE");
    this.everyKey = selector.selectsAll();
    this.literalKey = selector.literal() == null ? null : new LiteralKey(selector.literal());
    this.hasExclusions = excluded.length > 0;
    this.variableBit = variableBit(name);
  }

  /**
   * An equal target in fresh memory. A rule copies its targets when it is built, so that the
   * targets lie next to the rule rather than among the parser's garbage: every transaction visits
   * every rule's targets, and the compiled rules are too many to stay in the core's caches.
   */
  public Target copy() {
    return new Target(spec, kind, selector, excluded);
  }

  /**
   * One of 64 bits for a variable name: a set of names as a {@code long} answers "certainly not
   * among them" with one AND.
   */
  public static long variableBit(String variableName) {
    return 1L << (variableName.hashCode() & 63);
  }

  /** {@link #variableBit(String)} of this target's variable. */
  public long variableBit() {
    return variableBit;
  }

  /** The collection this target reads (for NAMES targets, the one whose keys it lists). */
  public String collection() {
    return collection;
  }

  /** Whether the collection is ARGS (ARGS_GET and ARGS_POST together). */
  public boolean isArgs() {
    return args;
  }

  /** Whether the target reads MATCHED_VARS or MATCHED_VARS_NAMES (a snapshot of the chain). */
  public boolean readsMatchedVars() {
    return matchedVars;
  }

  /** Whether the target reads the RULE collection (the rule's own metadata). */
  public boolean isRuleVariable() {
    return ruleVariable;
  }

  /** The variable's name, interned. */
  public String name() {
    return name;
  }

  public VariableKind kind() {
    return kind;
  }

  /** The literal key ({@code ARGS:id}, the XPath of {@code XML:/*}), or null. */
  public String key() {
    return spec.key();
  }

  public boolean isCount() {
    return count;
  }

  /** Whether every member is selected: no literal key, no key regex ({@link KeySelector#selectsAll()}). */
  public boolean selectsEveryKey() {
    return everyKey;
  }

  /** The selector's folded literal key ({@link KeySelector#literal()}), or null. */
  public LiteralKey literalKey() {
    return literalKey;
  }

  /** What selects members: a literal key, a regex, or everything. */
  public KeySelector selector() {
    return selector;
  }

  /** Whether a collection member with this key is selected (before exclusions). */
  public boolean selects(String memberKey) {
    return selector.matches(memberKey);
  }

  /** Whether the member is excluded by this rule's own {@code !VAR:key} targets. */
  public boolean excludes(String memberKey) {
    if (!hasExclusions) return false;
    for (KeySelector exclusion : excluded) {
      if (exclusion.matches(memberKey)) return true;
    }
    return false;
  }

  @Override
  public String toString() {
    return spec.toString();
  }
}
