package dev.vpatch.engine.operators.regex.dfa;

import java.util.Arrays;

/**
 * Computes DFA transitions from the NFA: follows the zero-width steps of a state's instructions
 * under the conditions that hold before the next byte, then consumes that byte. Holds scratch
 * buffers, so it is used only under the owning {@link LazyDfa}'s lock.
 */
final class StateBuilder {
  private final NfaProgram program;
  private final ByteClasses classes;
  private final boolean caretAfterFinalNewline;
  private final int contextMask;
  private final int[] stack;
  private final int[] consumers;
  private final int[] targets;
  private final int[] visited;
  private int stamp;
  private int targetCount;
  private int targetContext;

  StateBuilder(NfaProgram program, ByteClasses classes, boolean caretAfterFinalNewline) {
    this.program = program;
    this.classes = classes;
    this.caretAfterFinalNewline = caretAfterFinalNewline;
    int used = program.conditionsUsed;
    int mask = 0;
    if ((used & (Conditions.WORD_BOUNDARY | Conditions.NOT_WORD_BOUNDARY)) != 0) {
      mask |= DfaState.AFTER_WORD;
    }
    if ((used & Conditions.BEGIN_LINE) != 0) mask |= DfaState.AFTER_NEWLINE;
    this.contextMask = mask;
    int size = program.size();
    this.stack = new int[3 * size + 2];
    this.consumers = new int[size];
    this.targets = new int[size + 1];
    this.visited = new int[size];
  }

  /**
   * Steps from {@code from} over {@code byteClass}: returns {@link DfaState#MATCH} when a match
   * ends before that byte, {@link DfaState#NO_MATCH} at the end of the text without one, or null
   * when the target is a new set of instructions, left in {@link #targetInstructions()} and
   * {@link #targetContext()}.
   */
  DfaState step(DfaState from, int byteClass, int endOfText) {
    boolean end = byteClass == endOfText;
    int nextByte = end ? -1 : classes.representative(byteClass);
    int conditions = conditionsBefore(from.context, nextByte);
    int consumerCount = 0;
    int top = 0;
    int mark = nextStamp();
    for (int i = from.instructions.length - 1; i >= 0; i--) stack[top++] = from.instructions[i];
    int[] ops = program.ops;
    while (top > 0) {
      int pc = stack[--top];
      if (visited[pc] == mark) continue;
      visited[pc] = mark;
      switch (ops[pc]) {
        case NfaProgram.MATCH:
          return DfaState.MATCH;
        case NfaProgram.SPLIT:
          stack[top++] = program.alternative[pc];
          stack[top++] = program.next[pc];
          break;
        case NfaProgram.ASSERT:
          if ((conditions & program.args[pc]) != 0) stack[top++] = program.next[pc];
          break;
        default:
          consumers[consumerCount++] = pc;
      }
    }
    if (end) return DfaState.NO_MATCH;
    collectTargets(consumerCount, nextByte);
    targetContext = contextAfter(nextByte);
    return null;
  }

  private void collectTargets(int consumerCount, int nextByte) {
    int mark = nextStamp();
    targetCount = 0;
    targets[targetCount++] = program.start; // unanchored: a match may start at every position
    visited[program.start] = mark;
    for (int i = 0; i < consumerCount; i++) {
      int pc = consumers[i];
      if (!program.sets[program.args[pc]].contains(nextByte)) continue;
      int target = program.next[pc];
      if (visited[target] == mark) continue;
      visited[target] = mark;
      targets[targetCount++] = target;
    }
    Arrays.sort(targets, 0, targetCount);
  }

  int[] targetInstructions() {
    return Arrays.copyOf(targets, targetCount);
  }

  int targetContext() {
    return targetContext;
  }

  private int conditionsBefore(int context, int nextByte) {
    boolean atStart = (context & DfaState.AT_START) != 0;
    boolean atEnd = nextByte < 0;
    int conditions = 0;
    if (atStart) conditions |= Conditions.BEGIN_TEXT | Conditions.BEGIN_LINE;
    if (atEnd) conditions |= Conditions.END_TEXT | Conditions.END_LINE;
    if (nextByte == '\n') conditions |= Conditions.END_LINE;
    if ((context & DfaState.AFTER_NEWLINE) != 0 && (caretAfterFinalNewline || !atEnd)) {
      conditions |= Conditions.BEGIN_LINE;
    }
    boolean wordBefore = (context & DfaState.AFTER_WORD) != 0;
    boolean wordAfter = !atEnd && Conditions.WORD_BYTES.contains(nextByte);
    conditions |= wordBefore != wordAfter ? Conditions.WORD_BOUNDARY : Conditions.NOT_WORD_BOUNDARY;
    return conditions;
  }

  private int contextAfter(int b) {
    int context = 0;
    if (Conditions.WORD_BYTES.contains(b)) context |= DfaState.AFTER_WORD;
    if (b == '\n') context |= DfaState.AFTER_NEWLINE;
    return context & contextMask;
  }

  private int nextStamp() {
    if (++stamp == Integer.MAX_VALUE) {
      Arrays.fill(visited, 0);
      stamp = 1;
    }
    return stamp;
  }
}
