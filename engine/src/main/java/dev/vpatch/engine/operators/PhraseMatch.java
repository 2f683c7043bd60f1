package dev.vpatch.engine.operators;

/** Reports a phrase-search result: with {@code capture}, the phrase found becomes TX:0. */
final class PhraseMatch {
  private PhraseMatch() {}

  static boolean report(MatchContext context, String phrase) {
    if (phrase == null) return false;
    if (context.captureEnabled()) context.capture(0, phrase);
    return true;
  }
}
