package dev.vpatch.engine.operators;

import java.util.List;

/** A phrase search that belongs to a {@link PhraseGroup}, and still tells its phrases. */
public final class GroupedPhraseSearch extends GroupedOperator implements PhraseSearch {
  private final List<String> phrases;

  /** @param search a {@link PhraseSearch} operator, member {@code index} of {@code group} */
  public GroupedPhraseSearch(Operator search, PhraseGroup group, int index) {
    super(search, group, index);
    if (!(search instanceof PhraseSearch phraseSearch)) throw new IllegalArgumentException("not a phrase search: " + search);
    this.phrases = phraseSearch.phrases();
  }

  @Override
  public List<String> phrases() {
    return phrases;
  }
}
