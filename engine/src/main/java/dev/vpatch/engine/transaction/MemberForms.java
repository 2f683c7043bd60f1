package dev.vpatch.engine.transaction;

import dev.vpatch.engine.prefilter.MemberIndex;

/**
 * The members of one collection (their values or their keys) after one transformation chain, by
 * position, for the collection as it was at {@link #version()}. Rules sharing the chain read a
 * member's form by position instead of looking it up per value; a longer chain is built from the
 * forms of its parent; the literal index over the forms is built when a rule with a literal
 * requirement first asks.
 */
final class MemberForms {
  private final String[] forms;
  /** Per member: what the transformation cache knows about its form, when at hand, else null. */
  private final TransformationCache.Forms[] known;
  private final int version;
  private MemberIndex index;
  /**
   * Per member: {@link dev.vpatch.engine.transformations.ByteClasses} of its form, side by side
   * so that a step's triggers are tested against every member without visiting its cache entry;
   * null until a chain is built on these forms.
   */
  private long[] byteClasses;
  /** The union of {@link #byteClasses}: a step none of whose triggers is in it changes no member. */
  private long anyByteClasses;

  /** @param known as long as {@code forms}, null where the cache's entry is not at hand */
  MemberForms(String[] forms, TransformationCache.Forms[] known, int version) {
    this.forms = forms;
    this.known = known;
    this.version = version;
  }

  int size() {
    return forms.length;
  }

  /** The collection version these forms describe. */
  int version() {
    return version;
  }

  String form(int member) {
    return forms[member];
  }

  /** The transformation cache's entry for {@link #form(int)}, or null when not at hand. */
  TransformationCache.Forms known(int member) {
    return known[member];
  }

  /** Keeps the entry of {@link #form(int)} once looked up, for the chains built on this one. */
  void known(int member, TransformationCache.Forms entry) {
    known[member] = entry;
  }

  /** The byte classes of each member's form, or null until {@link #byteClasses(long[], long)} set them. */
  long[] byteClasses() {
    return byteClasses;
  }

  /** The union of {@link #byteClasses()}. */
  long anyByteClasses() {
    return anyByteClasses;
  }

  void byteClasses(long[] perMember, long union) {
    byteClasses = perMember;
    anyByteClasses = union;
  }

  /** The literal index over the forms, or null until {@link #index(MemberIndex)} set it. */
  MemberIndex index() {
    return index;
  }

  void index(MemberIndex built) {
    index = built;
  }
}
