package dev.vpatch.engine.operators;

import dev.vpatch.engine.operators.regex.PcrePattern;
import dev.vpatch.engine.operators.regex.RegexUnion;
import java.util.List;

/**
 * Regex searches ({@code @rx}) that one pass of their {@link RegexUnion} answers for: a value the
 * union cannot match clears every member; one it may match (an attack, mostly) leaves each member
 * to its own search.
 */
public final class RegexGroup implements OperatorGroup {
  private final RegexUnion union;
  private final long members;

  private RegexGroup(RegexUnion union, int size) {
    this.union = union;
    this.members = size == Long.SIZE ? -1L : (1L << size) - 1;
  }

  /**
   * A group of the patterns, member {@code i} searching {@code patterns.get(i)}; null when they
   * do not make a union (see {@link RegexUnion#of}).
   */
  public static RegexGroup of(List<? extends PcrePattern> patterns) {
    if (patterns.size() > MAX_MEMBERS) throw new IllegalArgumentException("at most 64 patterns per group");
    RegexUnion union = RegexUnion.of(patterns);
    return union == null ? null : new RegexGroup(union, patterns.size());
  }

  @Override
  public long membersMatching(String input) {
    return union.mayMatchAny(input) ? members : 0L;
  }
}
