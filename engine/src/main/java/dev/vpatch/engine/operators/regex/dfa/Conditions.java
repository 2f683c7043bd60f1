package dev.vpatch.engine.operators.regex.dfa;

/**
 * The zero-width conditions a position between two bytes can satisfy, as bits. Which hold at a
 * position depends only on the byte before it (or the start of text) and the byte after it (or the
 * end of text).
 */
final class Conditions {
  static final int BEGIN_TEXT = 1;
  static final int END_TEXT = 1 << 1;
  static final int BEGIN_LINE = 1 << 2;
  static final int END_LINE = 1 << 3;
  static final int WORD_BOUNDARY = 1 << 4;
  static final int NOT_WORD_BOUNDARY = 1 << 5;

  static final ByteSet WORD_BYTES =
      ByteSet.range('0', '9').union(ByteSet.range('A', 'Z')).union(ByteSet.range('a', 'z'))
          .with('_');

  private Conditions() {}
}
