package dev.vpatch.engine.transaction;

import dev.vpatch.engine.rules.TransformationChain;
import java.util.IdentityHashMap;

/**
 * Every transformed form of every value a transaction inspects, computed once. Keyed by the value
 * instance (collections hand the same instance to every rule, and a transformation that changes
 * nothing returns its input), then by the chain's dense id, so a lookup allocates nothing and
 * hashes no string content. Two equal values held in different instances are simply transformed
 * twice.
 */
final class TransformationCache {
  private final IdentityHashMap<String, String[]> forms = new IdentityHashMap<>();
  private final int slots;

  TransformationCache(int chains) {
    this.slots = chains + 1;
  }

  String transform(String value, TransformationChain chain) {
    String[] known = forms.get(value);
    if (known == null) {
      known = new String[slots];
      forms.put(value, known);
    }
    return transform(value, chain, known);
  }

  private static String transform(String value, TransformationChain chain, String[] known) {
    String cached = known[chain.id()];
    if (cached != null) return cached;
    TransformationChain parent = chain.parent();
    String input = parent == null ? value : transform(value, parent, known);
    String result = chain.last().apply(input);
    known[chain.id()] = result;
    return result;
  }
}
