package dev.vpatch.engine.rules;

import dev.vpatch.engine.transformations.Transformation;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule's transformation list as a node in a trie shared by the whole rule set: rules whose
 * lists share a prefix share the nodes, so a transaction computes each prefix of each value once
 * (see {@link RuleContext#transform}).
 */
public final class TransformationChain {
  private final TransformationChain parent;
  private final Transformation last;
  private final int id;
  private final int stepId;
  private final long lastTriggers;

  private TransformationChain(TransformationChain parent, Transformation last, int id, int stepId) {
    this.parent = parent;
    this.last = last;
    this.id = id;
    this.stepId = stepId;
    this.lastTriggers = last.triggers();
  }

  /** The chain without its last transformation, or null for a one-step chain. */
  public TransformationChain parent() {
    return parent;
  }

  public Transformation last() {
    return last;
  }

  /** {@link Transformation#triggers()} of {@link #last()}, asked once. */
  public long lastTriggers() {
    return lastTriggers;
  }

  /** Dense id, unique within a rule set. */
  public int id() {
    return id;
  }

  /**
   * Dense id of {@link #last()} among the distinct transformations of the rule set (from 0), so
   * that chains ending in the same transformation can share its result on the same input.
   */
  public int stepId() {
    return stepId;
  }

  /** Interns chains while a rule set is compiled. */
  static final class Interner {
    private record Key(TransformationChain parent, String name) {}

    private final Map<Key, TransformationChain> nodes = new HashMap<>();
    private final Map<Transformation, Integer> steps = new IdentityHashMap<>();

    /** How many nodes exist; ids run from 1 to this. */
    int size() {
      return nodes.size();
    }

    /** How many distinct transformations the nodes use; step ids run from 0 to this - 1. */
    int steps() {
      return steps.size();
    }

    /** The shared node for this list, or null for an empty list. */
    TransformationChain intern(List<String> names, List<Transformation> transformations) {
      TransformationChain node = null;
      for (int i = 0; i < names.size(); i++) {
        Key key = new Key(node, names.get(i));
        TransformationChain existing = nodes.get(key);
        if (existing == null) {
          Transformation step = transformations.get(i);
          int stepId = steps.computeIfAbsent(step, t -> steps.size());
          existing = new TransformationChain(node, step, nodes.size() + 1, stepId);
          nodes.put(key, existing);
        }
        node = existing;
      }
      return node;
    }
  }
}
