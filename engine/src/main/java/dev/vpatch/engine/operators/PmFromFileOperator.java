package dev.vpatch.engine.operators;

import dev.vpatch.engine.operators.ahocorasick.AhoCorasick;
import java.util.List;

/**
 * {@code @pmFromFile} ({@code @pmf}): {@code @pm} with one phrase per line of the data files
 * (space-separated names, relative to the rule file). Lines are taken whole, spaces included.
 */
public final class PmFromFileOperator implements Operator, PhraseSearch {
  private final AhoCorasick phrases;

  public PmFromFileOperator(OperatorArgument argument) {
    this.phrases = AhoCorasick.caseInsensitive(DataFiles.entries(argument));
  }

  @Override
  public boolean matches(MatchContext context, String input) {
    return PhraseMatch.report(context, phrases.firstMatch(input));
  }

  @Override
  public List<String> phrases() {
    return phrases.phrases();
  }
}
