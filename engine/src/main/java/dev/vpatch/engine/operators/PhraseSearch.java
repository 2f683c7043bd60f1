package dev.vpatch.engine.operators;

import java.util.List;

/**
 * An operator that matches exactly when its input contains one of a fixed list of phrases,
 * ignoring ASCII case ({@code @pm}, {@code @pmFromFile}): the rule set's literal prefilter can
 * then tell, in the pass it makes anyway, which values it cannot match.
 */
public interface PhraseSearch {
  /** The phrases, as given (empty ones never match). */
  List<String> phrases();
}
