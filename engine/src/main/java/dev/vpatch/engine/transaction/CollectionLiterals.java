package dev.vpatch.engine.transaction;

import dev.vpatch.engine.prefilter.LiteralPrefilter;
import dev.vpatch.engine.prefilter.MemberIndex;
import dev.vpatch.engine.rules.RuleContext;
import dev.vpatch.engine.rules.TransformationChain;
import dev.vpatch.engine.variables.KeyedValues;
import java.util.IdentityHashMap;

/**
 * Per transaction: which prefilter literals occur in which members of a collection (their values
 * or their keys) after a given transformation chain. A regex rule visits only the members that
 * contain one of its required literals, and skips a collection where none does; with CRS, most
 * rules over ARGS or headers are settled this way for benign traffic. The index covers every
 * member, so the narrowing is exact whatever keys or exclusions the rule applies. An index is
 * rebuilt when its collection changes.
 */
final class CollectionLiterals {
  /** Returned when no member can match. */
  static final long[] NO_MEMBER = new long[0];

  private final RuleContext context;
  private final int slots;
  private final IdentityHashMap<KeyedValues, MemberIndex[]> indexes = new IdentityHashMap<>();
  private long[] candidates = new long[1];

  CollectionLiterals(RuleContext context, int chains) {
    this.context = context;
    this.slots = 2 * (chains + 1);
  }

  /**
   * The members of {@code values} (keys when {@code names}) that may satisfy {@code requirement}:
   * {@link #NO_MEMBER}, or a member bitset valid until the next call or until the collection
   * changes.
   */
  long[] candidates(
      KeyedValues values, boolean names, TransformationChain chain, LiteralPrefilter.Requirement requirement) {
    if (values == null || values.size() == 0) return NO_MEMBER;
    MemberIndex index = indexOf(values, names, chain);
    if (candidates.length < index.memberWords()) candidates = new long[index.memberWords()];
    return index.candidates(requirement, candidates) ? candidates : NO_MEMBER;
  }

  private MemberIndex indexOf(KeyedValues values, boolean names, TransformationChain chain) {
    MemberIndex[] known = indexes.get(values);
    if (known == null) {
      known = new MemberIndex[slots];
      indexes.put(values, known);
    }
    int slot = 2 * (chain == null ? 0 : chain.id()) + (names ? 1 : 0);
    MemberIndex index = known[slot];
    if (index == null || index.version() != values.version()) {
      index = build(values, names, chain);
      known[slot] = index;
    }
    return index;
  }

  private MemberIndex build(KeyedValues values, boolean names, TransformationChain chain) {
    int size = values.size();
    long[][] found = new long[size][];
    for (int i = 0; i < size; i++) {
      String member = names ? values.key(i) : values.value(i);
      found[i] = context.literalsIn(chain == null ? member : context.transform(member, chain));
    }
    return new MemberIndex(found, size, values.version());
  }
}
