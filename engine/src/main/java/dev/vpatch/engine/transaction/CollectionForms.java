package dev.vpatch.engine.transaction;

import dev.vpatch.engine.prefilter.LiteralPrefilter;
import dev.vpatch.engine.prefilter.MemberIndex;
import dev.vpatch.engine.rules.TransformationChain;
import dev.vpatch.engine.transformations.ByteClasses;
import dev.vpatch.engine.variables.KeyedValues;
import java.util.Arrays;

/**
 * Per transaction: the members of each collection (values or keys) after each transformation
 * chain, and which prefilter literals occur in which member. A rule over a collection reads each
 * member's form by position (CRS runs dozens of rules with the same chain over ARGS), and a regex
 * rule visits only the members that contain one of its required literals, skipping a collection
 * where none does; with CRS, most rules over ARGS or headers are settled this way for benign
 * traffic. The index covers every member, so the narrowing is exact whatever keys or exclusions
 * the rule applies. Forms and index are rebuilt when their collection changes.
 */
final class CollectionForms {
  /** Returned when no member can match. */
  static final long[] NO_MEMBER = new long[0];

  private final TransformationCache transformations;
  private final int slots;
  private long[] candidates = new long[1];

  CollectionForms(TransformationCache transformations, int chains) {
    this.transformations = transformations;
    this.slots = 2 * (chains + 1);
  }

  /** The members of {@code values} (keys when {@code names}) after {@code chain} (null: none). */
  MemberForms formsOf(KeyedValues values, boolean names, TransformationChain chain) {
    // Kept with the collection (which belongs to this transaction): no lookup per rule target.
    MemberForms[] byChain = (MemberForms[]) values.derived();
    if (byChain == null) {
      byChain = new MemberForms[slots];
      values.derived(byChain);
    }
    int slot = 2 * (chain == null ? 0 : chain.id()) + (names ? 1 : 0);
    MemberForms forms = byChain[slot];
    if (forms == null || forms.version() != values.version()) {
      forms = build(values, names, chain);
      byChain[slot] = forms;
    }
    return forms;
  }

  private MemberForms build(KeyedValues values, boolean names, TransformationChain chain) {
    int size = values.size();
    if (chain == null) {
      String[] raw = new String[size];
      for (int i = 0; i < size; i++) raw[i] = names ? values.key(i) : values.value(i);
      return new MemberForms(raw, new TransformationCache.Forms[size], values.version());
    }
    // One step on the parent chain's forms: the trie of chains becomes a trie of member forms.
    MemberForms parent = formsOf(values, names, chain.parent());
    long triggers = chain.lastTriggers();
    long[] classes = null;
    if (triggers != ByteClasses.ANY) {
      classes = byteClassesOf(parent);
      // Most steps change no benign member at all: settled once for the whole collection.
      if ((parent.anyByteClasses() & triggers) == 0) return parent;
    }
    String[] forms = null;
    TransformationCache.Forms[] known = null;
    for (int i = 0; i < size; i++) {
      // Null while the member stays as its parent form (a member without the step's triggers
      // is not even looked at).
      TransformationCache.Forms output = null;
      if (classes == null || (classes[i] & triggers) != 0) {
        TransformationCache.Forms input = knownOf(parent, i);
        output = transformations.afterLast(input, chain);
        if (output == input) output = null;
      }
      if (output == null) {
        // While every member so far is unchanged, the parent's forms stand for these.
        if (forms != null) {
          forms[i] = parent.form(i);
          known[i] = parent.known(i);
        }
        continue;
      }
      if (forms == null) {
        forms = new String[size];
        known = new TransformationCache.Forms[size];
        for (int j = 0; j < i; j++) {
          forms[j] = parent.form(j);
          known[j] = parent.known(j);
        }
      }
      forms[i] = output.value;
      known[i] = output;
    }
    // A step that changed no member shares its parent's forms, and with them their literal index.
    return forms == null ? parent : new MemberForms(forms, known, values.version());
  }

  /** The transformation cache's entry for member {@code i}'s form, kept in the forms once looked up. */
  private TransformationCache.Forms knownOf(MemberForms forms, int i) {
    TransformationCache.Forms entry = forms.known(i);
    if (entry == null) {
      entry = transformations.formsOf(forms.form(i));
      forms.known(i, entry);
    }
    return entry;
  }

  /** The byte classes of each member's form (see {@link MemberForms#byteClasses()}), gathered once. */
  private long[] byteClassesOf(MemberForms forms) {
    long[] classes = forms.byteClasses();
    if (classes == null) {
      classes = new long[forms.size()];
      long union = 0;
      for (int i = 0; i < classes.length; i++) {
        classes[i] = TransformationCache.byteClassesOf(knownOf(forms, i));
        union |= classes[i];
      }
      forms.byteClasses(classes, union);
    }
    return classes;
  }

  /**
   * Of {@code among} (a member bitset from {@link #candidates}, or null for every member), the
   * members whose form holds one of the byte classes {@code triggers}: {@link #NO_MEMBER}, or a
   * member bitset valid until the next call. Settled for the whole collection from the union of
   * its members' classes when none holds one (with CRS, a NUL or a non-ASCII byte for the
   * byte-range and UTF-8 checks over every argument).
   */
  long[] holdingClasses(MemberForms forms, long triggers, long[] among) {
    int size = forms.size();
    if (size == 0) return NO_MEMBER;
    long[] classes = byteClassesOf(forms);
    if ((forms.anyByteClasses() & triggers) == 0) return NO_MEMBER;
    int words = (size + 63) >>> 6;
    long[] into = among;
    if (into == null) {
      if (candidates.length < words) candidates = new long[words];
      into = candidates;
      Arrays.fill(into, 0, words, 0L);
      for (int i = 0; i < size; i++) into[i >>> 6] |= 1L << i;
    }
    long left = 0;
    for (int i = 0; i < size; i++) {
      if ((classes[i] & triggers) == 0) into[i >>> 6] &= ~(1L << i);
    }
    for (int w = 0; w < words; w++) left |= into[w];
    return left == 0 ? NO_MEMBER : into;
  }

  /**
   * The members whose form may satisfy {@code requirement}: {@link #NO_MEMBER}, or a member
   * bitset valid until the next call.
   */
  long[] candidates(MemberForms forms, LiteralPrefilter.Requirement requirement) {
    int size = forms.size();
    if (size == 0) return NO_MEMBER;
    MemberIndex index = forms.index();
    if (index == null) {
      long[][] found = new long[size][];
      for (int i = 0; i < size; i++) {
        TransformationCache.Forms known = forms.known(i);
        found[i] = known != null ? transformations.literalsIn(known) : transformations.literalsIn(forms.form(i));
      }
      index = new MemberIndex(found, size);
      forms.index(index);
    }
    if (candidates.length < index.memberWords()) candidates = new long[index.memberWords()];
    return index.candidates(requirement, candidates) ? candidates : NO_MEMBER;
  }
}
