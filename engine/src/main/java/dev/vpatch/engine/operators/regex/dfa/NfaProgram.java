package dev.vpatch.engine.operators.regex.dfa;

/**
 * A Thompson NFA as parallel instruction arrays: {@code BYTES} consumes one byte of
 * {@code sets[arg]} and goes to {@code next}; {@code SPLIT} goes to both {@code next} and
 * {@code alternative}; {@code ASSERT} goes to {@code next} where the {@link Conditions} bit
 * {@code arg} holds; {@code MATCH} accepts.
 */
final class NfaProgram {
  static final int BYTES = 0;
  static final int SPLIT = 1;
  static final int ASSERT = 2;
  static final int MATCH = 3;

  final int[] ops;
  final int[] args;
  final int[] next;
  final int[] alternative;
  final ByteSet[] sets;
  final int start;
  /** Every {@link Conditions} bit some ASSERT tests. */
  final int conditionsUsed;

  NfaProgram(int[] ops, int[] args, int[] next, int[] alternative, ByteSet[] sets, int start) {
    this.ops = ops;
    this.args = args;
    this.next = next;
    this.alternative = alternative;
    this.sets = sets;
    this.start = start;
    int used = 0;
    for (int pc = 0; pc < ops.length; pc++) {
      if (ops[pc] == ASSERT) used |= args[pc];
    }
    this.conditionsUsed = used;
  }

  int size() {
    return ops.length;
  }
}
