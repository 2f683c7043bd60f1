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
  private final List<KeySelector> exclusions;

  public Target(VariableSpec spec, VariableKind kind, List<KeySelector> exclusions) {
    this.spec = spec;
    this.kind = kind;
    this.selector = KeySelector.of(spec);
    this.exclusions = List.copyOf(exclusions);
  }

  public String name() {
    return spec.name();
  }

  public VariableKind kind() {
    return kind;
  }

  /** The literal key ({@code ARGS:id}, the XPath of {@code XML:/*}), or null. */
  public String key() {
    return spec.key();
  }

  public boolean isCount() {
    return spec.count();
  }

  public List<KeySelector> exclusions() {
    return exclusions;
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
    for (int i = 0; i < exclusions.size(); i++) {
      if (exclusions.get(i).matches(memberKey)) return true;
    }
    return false;
  }

  @Override
  public String toString() {
    return spec.toString();
  }
}
