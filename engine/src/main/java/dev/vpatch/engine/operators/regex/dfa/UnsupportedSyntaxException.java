package dev.vpatch.engine.operators.regex.dfa;

/** The pattern uses syntax the DFA does not handle; the caller keeps its general engine. */
final class UnsupportedSyntaxException extends Exception {
  UnsupportedSyntaxException(String reason) {
    super(reason, null, false, false);
  }
}
