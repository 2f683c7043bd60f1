package dev.vpatch.engine.transaction;

import dev.vpatch.engine.prefilter.MemberIndex;

/**
 * The members of one collection (their values or their keys) after one transformation chain, by
 * position, for the collection as it was at {@link #version()}. Rules sharing the chain read a
 * member's form by position instead of looking it up per value; the literal index over the forms
 * is built when a rule with a literal requirement first asks.
 */
final class MemberForms {
  private final String[] forms;
  private final int size;
  private final int version;
  private MemberIndex index;

  MemberForms(String[] forms, int size, int version) {
    this.forms = forms;
    this.size = size;
    this.version = version;
  }

  int size() {
    return size;
  }

  /** The collection version these forms describe. */
  int version() {
    return version;
  }

  String form(int member) {
    return forms[member];
  }

  /** The literal index over the forms, or null until {@link #index(MemberIndex)} set it. */
  MemberIndex index() {
    return index;
  }

  void index(MemberIndex built) {
    index = built;
  }
}
