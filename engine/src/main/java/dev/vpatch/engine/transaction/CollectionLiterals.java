package dev.vpatch.engine.transaction;

import dev.vpatch.engine.prefilter.LiteralPrefilter;
import dev.vpatch.engine.rules.RuleContext;
import dev.vpatch.engine.rules.TransformationChain;
import dev.vpatch.engine.variables.KeyedValues;
import java.util.IdentityHashMap;

/**
 * Per transaction: which prefilter literals occur anywhere in a collection (its values or its
 * keys) after a given transformation chain. A regex rule whose required literals occur in no
 * member cannot match any of them, so it skips the collection instead of visiting every member;
 * with CRS, most rules over ARGS or headers are settled this way for benign traffic. The union is
 * a superset of what any selection of members contains, so the skip is exact whatever keys or
 * exclusions the rule applies. A union is recomputed when its collection changes.
 */
final class CollectionLiterals {
  private final RuleContext context;
  private final int slots;
  private final IdentityHashMap<KeyedValues, Union[]> unions = new IdentityHashMap<>();

  private static final class Union {
    int version;
    long[] found;
  }

  CollectionLiterals(RuleContext context, int chains) {
    this.context = context;
    this.slots = 2 * (chains + 1);
  }

  /** Whether some member of {@code values} (its key when {@code names}) may satisfy {@code requirement}. */
  boolean mayMatch(
      KeyedValues values, boolean names, TransformationChain chain, LiteralPrefilter.Requirement requirement) {
    if (values == null || values.size() == 0) return false;
    Union[] known = unions.get(values);
    if (known == null) {
      known = new Union[slots];
      unions.put(values, known);
    }
    int slot = 2 * (chain == null ? 0 : chain.id()) + (names ? 1 : 0);
    Union union = known[slot];
    if (union == null) {
      union = new Union();
      known[slot] = union;
    } else if (union.version == values.version()) {
      return requirement.satisfiedBy(union.found);
    }
    union.version = values.version();
    union.found = unionOf(values, names, chain, union.found);
    return requirement.satisfiedBy(union.found);
  }

  private long[] unionOf(KeyedValues values, boolean names, TransformationChain chain, long[] reuse) {
    long[] union = null;
    for (int i = 0; i < values.size(); i++) {
      String member = names ? values.key(i) : values.value(i);
      long[] found = context.literalsIn(chain == null ? member : context.transform(member, chain));
      if (union == null) {
        union = reuse != null && reuse.length == found.length ? reuse : new long[found.length];
        java.util.Arrays.fill(union, 0L);
      }
      for (int w = 0; w < found.length; w++) union[w] |= found[w];
    }
    return union;
  }
}
