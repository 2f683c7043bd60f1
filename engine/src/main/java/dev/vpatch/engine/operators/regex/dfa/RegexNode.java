package dev.vpatch.engine.operators.regex.dfa;

import java.util.List;

/** The parsed form of a regular expression, reduced to what a match/no-match automaton needs. */
sealed interface RegexNode {
  /** One byte out of a set. */
  record Bytes(ByteSet set) implements RegexNode {}

  /** The empty string. */
  record Empty() implements RegexNode {}

  /** A zero-width condition on the surrounding bytes. */
  record Assertion(int condition) implements RegexNode {}

  record Concatenation(List<RegexNode> items) implements RegexNode {}

  record Alternation(List<RegexNode> branches) implements RegexNode {}

  /** {@code body} repeated {@code min} to {@code max} times; {@code max} is -1 when unbounded. */
  record Repetition(RegexNode body, int min, int max) implements RegexNode {}
}
