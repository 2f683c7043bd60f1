package dev.vpatch.engine.transaction;

import dev.vpatch.engine.prefilter.LiteralPrefilter;
import dev.vpatch.engine.rules.TransformationChain;
import java.util.IdentityHashMap;

/**
 * Every transformed form of every value a transaction inspects, and the prefilter literals each
 * form contains, computed once. Keyed by the value instance (collections hand the same instance to
 * every rule, and a transformation that changes nothing returns its input), then by the chain's
 * dense id (0: no transformation), so a lookup allocates nothing and hashes no string content. Two
 * equal values held in different instances are simply transformed twice.
 */
final class TransformationCache {
  private final IdentityHashMap<String, Forms> forms = new IdentityHashMap<>();
  private final int slots;
  private final LiteralPrefilter prefilter;
  // A rule asks for a value's transformed form and then for its literals: the second question
  // needs no map lookup.
  private String lastValue;
  private Forms lastForms;

  private static final class Forms {
    final String[] transformed;
    final long[][] literals;

    Forms(int slots) {
      transformed = new String[slots];
      literals = new long[slots][];
    }
  }

  TransformationCache(int chains, LiteralPrefilter prefilter) {
    this.slots = chains + 1;
    this.prefilter = prefilter;
  }

  String transform(String value, TransformationChain chain) {
    return chain == null ? value : transform(value, chain, formsOf(value));
  }

  /** The prefilter literals found in {@code value} after {@code chain} (null: none). */
  long[] literalsIn(String value, TransformationChain chain) {
    Forms known = formsOf(value);
    int slot = chain == null ? 0 : chain.id();
    long[] found = known.literals[slot];
    if (found == null) {
      found = prefilter.newFoundSet();
      prefilter.scan(chain == null ? value : transform(value, chain, known), found);
      known.literals[slot] = found;
    }
    return found;
  }

  private Forms formsOf(String value) {
    if (value == lastValue) return lastForms;
    Forms known = forms.get(value);
    if (known == null) {
      known = new Forms(slots);
      forms.put(value, known);
    }
    lastValue = value;
    lastForms = known;
    return known;
  }

  private static String transform(String value, TransformationChain chain, Forms known) {
    String cached = known.transformed[chain.id()];
    if (cached != null) return cached;
    TransformationChain parent = chain.parent();
    String input = parent == null ? value : transform(value, parent, known);
    String result = chain.last().apply(input);
    known.transformed[chain.id()] = result;
    return result;
  }
}
