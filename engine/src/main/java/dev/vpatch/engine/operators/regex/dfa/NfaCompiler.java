package dev.vpatch.engine.operators.regex.dfa;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a {@link RegexNode} into an {@link NfaProgram}, back to front: each node is compiled
 * knowing the instruction that follows it, so no patching of dangling exits is needed (except the
 * back edge of a loop). Counted repetitions are unrolled, within an instruction budget.
 */
final class NfaCompiler {
  private final int maxInstructions;
  private int[] ops = new int[64];
  private int[] args = new int[64];
  private int[] next = new int[64];
  private int[] alternative = new int[64];
  private int size;
  private final Map<ByteSet, Integer> setIndex = new HashMap<>();
  private final List<ByteSet> sets = new ArrayList<>();

  private NfaCompiler(int maxInstructions) {
    this.maxInstructions = maxInstructions;
  }

  static NfaProgram compile(RegexNode root, int maxInstructions)
      throws UnsupportedSyntaxException {
    NfaCompiler compiler = new NfaCompiler(maxInstructions);
    int match = compiler.emit(NfaProgram.MATCH, 0, -1, -1);
    int start = compiler.emitNode(root, match);
    int n = compiler.size;
    return new NfaProgram(
        Arrays.copyOf(compiler.ops, n),
        Arrays.copyOf(compiler.args, n),
        Arrays.copyOf(compiler.next, n),
        Arrays.copyOf(compiler.alternative, n),
        compiler.sets.toArray(new ByteSet[0]),
        start);
  }

  /** Emits {@code node} followed by instruction {@code then}; returns its entry. */
  private int emitNode(RegexNode node, int then) throws UnsupportedSyntaxException {
    if (node instanceof RegexNode.Bytes bytes) {
      int index = setIndex.computeIfAbsent(bytes.set(), set -> {
        sets.add(set);
        return sets.size() - 1;
      });
      return emit(NfaProgram.BYTES, index, then, -1);
    }
    if (node instanceof RegexNode.Empty) return then;
    if (node instanceof RegexNode.Assertion assertion) {
      return emit(NfaProgram.ASSERT, assertion.condition(), then, -1);
    }
    if (node instanceof RegexNode.Concatenation concatenation) {
      int entry = then;
      List<RegexNode> items = concatenation.items();
      for (int i = items.size() - 1; i >= 0; i--) entry = emitNode(items.get(i), entry);
      return entry;
    }
    if (node instanceof RegexNode.Alternation alternation) {
      List<RegexNode> branches = alternation.branches();
      int entry = emitNode(branches.get(branches.size() - 1), then);
      for (int i = branches.size() - 2; i >= 0; i--) {
        entry = emit(NfaProgram.SPLIT, 0, emitNode(branches.get(i), then), entry);
      }
      return entry;
    }
    RegexNode.Repetition repetition = (RegexNode.Repetition) node;
    return repeat(repetition.body(), repetition.min(), repetition.max(), then);
  }

  private int repeat(RegexNode body, int min, int max, int then)
      throws UnsupportedSyntaxException {
    int entry = then;
    int required = min;
    if (max < 0) {
      // One copy of the body loops through a split; with min >= 1 that copy is also required.
      int loop = emit(NfaProgram.SPLIT, 0, -1, then);
      int bodyEntry = emitNode(body, loop);
      next[loop] = bodyEntry;
      entry = min == 0 ? loop : bodyEntry;
      required = Math.max(0, min - 1);
    } else {
      for (int optional = max - min; optional > 0; optional--) {
        entry = emit(NfaProgram.SPLIT, 0, emitNode(body, entry), then);
      }
    }
    for (int i = 0; i < required; i++) entry = emitNode(body, entry);
    return entry;
  }

  private int emit(int op, int arg, int to, int alt) throws UnsupportedSyntaxException {
    if (size == maxInstructions) {
      throw new UnsupportedSyntaxException("more than " + maxInstructions + " NFA instructions");
    }
    if (size == ops.length) {
      int capacity = Math.min(maxInstructions, size * 2);
      ops = Arrays.copyOf(ops, capacity);
      args = Arrays.copyOf(args, capacity);
      next = Arrays.copyOf(next, capacity);
      alternative = Arrays.copyOf(alternative, capacity);
    }
    ops[size] = op;
    args[size] = arg;
    next[size] = to;
    alternative[size] = alt;
    return size++;
  }
}
