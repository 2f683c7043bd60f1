package dev.vpatch.engine.variables;

import com.google.re2j.Pattern;
import dev.vpatch.engine.seclang.VariableSpec;
import java.util.List;

/**
 * A compiled rule target: one variable with its key selector, whether it counts, and the
 * exclusions ({@code !VAR:key}) of the same rule that apply to it.
 */
public final class Target {
  private final String name;
  private final VariableKind kind;
  private final String key;
  private final Pattern keyPattern;
  private final boolean count;
  private final List<KeySelector> exclusions;

  public Target(VariableSpec spec, VariableKind kind, List<KeySelector> exclusions) {
    this(
        spec.name(),
        kind,
        spec.key(),
        spec.keyRegex() == null ? null : KeySelector.compileKeyRegex(spec.keyRegex()),
        spec.count(),
        exclusions);
  }

  private Target(
      String name,
      VariableKind kind,
      String key,
      Pattern keyPattern,
      boolean count,
      List<KeySelector> exclusions) {
    this.name = name;
    this.kind = kind;
    this.key = key;
    this.keyPattern = keyPattern;
    this.count = count;
    this.exclusions = List.copyOf(exclusions);
  }

  public String name() {
    return name;
  }

  public VariableKind kind() {
    return kind;
  }

  public String key() {
    return key;
  }

  public boolean isCount() {
    return count;
  }

  public List<KeySelector> exclusions() {
    return exclusions;
  }

  /** Whether a collection member with this key is selected (before exclusions). */
  public boolean selects(String memberKey) {
    if (key != null) return key.equalsIgnoreCase(memberKey);
    if (keyPattern != null) return keyPattern.matcher(memberKey).find();
    return true;
  }

  /** Whether the member is excluded by this rule's own {@code !VAR:key} targets. */
  public boolean excludes(String memberKey) {
    for (int i = 0; i < exclusions.size(); i++) {
      if (exclusions.get(i).matches(memberKey)) return true;
    }
    return false;
  }

  public Target withExclusions(List<KeySelector> moreExclusions) {
    java.util.ArrayList<KeySelector> all = new java.util.ArrayList<>(exclusions);
    all.addAll(moreExclusions);
    return new Target(name, kind, key, keyPattern, count, all);
  }

  @Override
  public String toString() {
    return (count ? "&" : "") + name + (key != null ? ":" + key : keyPattern != null ? ":/" + keyPattern.pattern() + "/" : "");
  }
}
