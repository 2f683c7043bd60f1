package dev.vpatch.engine.operators;

import java.util.List;

/**
 * A phrase search that belongs to a {@link PhraseGroup}: it asks the transaction which members of
 * its group the value can match (one scan per value for the whole group, kept by the
 * transaction) and runs its own search only when it is one of them.
 */
public final class GroupedPhraseSearch implements Operator, PhraseSearch {
  private final Operator search;
  private final List<String> phrases;
  private final PhraseGroup group;
  private final long member;

  /** @param search a {@link PhraseSearch} operator, member {@code index} of {@code group} */
  public GroupedPhraseSearch(Operator search, PhraseGroup group, int index) {
    if (!(search instanceof PhraseSearch phraseSearch)) throw new IllegalArgumentException("not a phrase search: " + search);
    this.search = search;
    this.phrases = phraseSearch.phrases();
    this.group = group;
    this.member = 1L << index;
  }

  @Override
  public boolean matches(MatchContext context, String input) {
    if ((context.phraseGroupMembers(group, input) & member) == 0) return false;
    return search.matches(context, input);
  }

  @Override
  public List<String> phrases() {
    return phrases;
  }
}
