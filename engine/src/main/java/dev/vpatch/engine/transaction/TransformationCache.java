package dev.vpatch.engine.transaction;

import dev.vpatch.engine.operators.OperatorGroup;
import dev.vpatch.engine.prefilter.LiteralPrefilter;
import dev.vpatch.engine.rules.TransformationChain;
import dev.vpatch.engine.transformations.ByteClasses;
import dev.vpatch.engine.transformations.Transformation;
import java.util.IdentityHashMap;

/**
 * Every transformed form of every value a transaction inspects, computed once, and the prefilter
 * literals each form contains. Keyed by the value instance (collections hand the same instance to
 * every rule, and a transformation that changes nothing returns its input), so a lookup hashes no
 * string content.
 *
 * <p>Chains are a trie, but different branches often apply the same transformation to the same
 * instance (CRS has dozens of chains, most transformations leave a benign value unchanged, so the
 * branches collapse onto one instance): each instance keeps what every transformation step made
 * of it, and a chain is followed step by step from the value, each step applied once per
 * instance whichever chain asks. Two equal values held in different instances are simply
 * transformed twice.
 */
final class TransformationCache {
  /** Until a transaction of the rule set has told how many value instances to expect. */
  private static final int FIRST_EXPECTED_VALUES = 128;

  /**
   * Created on first use (a transaction under a few patch rules may never transform), sized for
   * what the rule set's transactions held: growing it step by step showed in profiles, and a
   * large table for a patch that transforms one value was a quarter of its transaction's bytes.
   */
  private IdentityHashMap<String, Forms> forms;
  private final LiteralPrefilter prefilter;
  private final int stepSlots;
  private final int expectedValues;
  /** What the prefilter scans into before it keeps a compact copy; created on the first scan. */
  private long[] scratch;

  /**
   * What is known about one value instance; a caller holding it (see {@link #formsOf}) skips the
   * lookup.
   */
  static final class Forms {
    final String value;
    /**
     * What each transformation step (by step id) made of this very instance, once applied: this
     * instance itself when the step changed nothing; null until a step is applied. Results are
     * kept as their Forms, so following a chain needs no lookup by instance. Null as a whole
     * until a step whose triggers the instance holds is applied (the others need no slot).
     */
    Forms[] byStep;
    /** The prefilter literals this instance contains, or null until asked. */
    long[] literals;
    /** {@link ByteClasses#of(String)} of this instance, or 0 until asked. */
    long byteClasses;
    /** An instance that differs from this one only in ASCII case (same literals), or null. */
    String sameLiteralsAs;
    /** The answers of the operator groups asked about this instance, or null. */
    GroupAnswer groupAnswers;

    Forms(String value) {
      this.value = value;
    }
  }

  /** @param expectedValues how many value instances to size for; 0 when not known yet */
  TransformationCache(LiteralPrefilter prefilter, int steps, int expectedValues) {
    this.prefilter = prefilter;
    this.stepSlots = steps;
    this.expectedValues = expectedValues > 0 ? expectedValues : FIRST_EXPECTED_VALUES;
  }

  /** How many value instances the cache describes. */
  int size() {
    return forms == null ? 0 : forms.size();
  }

  String transform(String value, TransformationChain chain) {
    return after(formsOf(value), chain).value;
  }

  /** The form after {@code chain} of {@code parentForm}, the form after the chain's parent. */
  String transformLast(String parentForm, TransformationChain chain) {
    return afterLast(formsOf(parentForm), chain).value;
  }

  /** What is known about the instance {@code known} describes after {@code chain}. */
  Forms after(Forms known, TransformationChain chain) {
    TransformationChain parent = chain.parent();
    return afterLast(parent == null ? known : after(known, parent), chain);
  }

  /** The prefilter literals contained in {@code value} (one scan per distinct instance). */
  long[] literalsIn(String value) {
    return literalsIn(formsOf(value));
  }

  /** The prefilter literals of the instance {@code known} describes. */
  long[] literalsIn(Forms known) {
    long[] found = known.literals;
    if (found == null) {
      if (known.sameLiteralsAs != null) {
        found = literalsIn(known.sameLiteralsAs);
      } else {
        if (scratch == null) scratch = prefilter.newFoundSet();
        found = prefilter.foundIn(known.value, scratch);
      }
      known.literals = found;
    }
    return found;
  }

  /** {@link OperatorGroup#membersMatching} of {@code value}, asked once per instance and group. */
  long groupMembers(OperatorGroup group, String value) {
    Forms known = formsOf(value);
    for (GroupAnswer answer = known.groupAnswers; answer != null; answer = answer.next) {
      if (answer.group == group) return answer.members;
    }
    long members = group.membersMatching(value);
    known.groupAnswers = new GroupAnswer(group, members, known.groupAnswers);
    return members;
  }

  /** A group's answer for one value instance; a value asked by several groups chains them. */
  private record GroupAnswer(OperatorGroup group, long members, GroupAnswer next) {}

  /** What is known about this instance (created empty on first use). */
  Forms formsOf(String value) {
    if (forms == null) forms = new IdentityHashMap<>(expectedValues);
    Forms known = forms.get(value);
    if (known == null) {
      known = new Forms(value);
      forms.put(value, known);
    }
    return known;
  }

  /**
   * The last transformation of {@code step} applied to the instance {@code input} describes (its
   * result kept per instance, whichever chain asks).
   */
  Forms afterLast(Forms input, TransformationChain step) {
    // Settled from the value's summary before any per-step slot: most instances are changed by
    // no step of any chain, and then need no slots at all.
    if (unchangedBy(input, step.lastTriggers())) return input;
    Forms[] results = input.byStep;
    if (results == null) {
      results = new Forms[stepSlots];
      input.byStep = results;
    }
    Forms result = results[step.stepId()];
    if (result == null) {
      result = apply(step.last(), input);
      results[step.stepId()] = result;
    }
    return result;
  }

  /**
   * Whether the value holds no byte the transformation with these triggers changes: then it is its
   * own result, known from the value's summary (one pass, shared by all its transformations)
   * without running the transformation's own scan.
   */
  private static boolean unchangedBy(Forms input, long triggers) {
    return triggers != ByteClasses.ANY && (byteClassesOf(input) & triggers) == 0;
  }

  /** {@link ByteClasses#of(String)} of the instance {@code known} describes, computed once. */
  static long byteClassesOf(Forms known) {
    long classes = known.byteClasses;
    if (classes == 0) {
      classes = ByteClasses.of(known.value);
      known.byteClasses = classes;
    }
    return classes;
  }

  private Forms apply(Transformation transformation, Forms input) {
    String output = transformation.apply(input.value);
    if (output == input.value) return input;
    Forms result = formsOf(output);
    if (transformation.changesAsciiCaseOnly()) result.sameLiteralsAs = input.value;
    return result;
  }
}
