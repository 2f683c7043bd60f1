package dev.vpatch.engine.operators.regex.dfa;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers "does the pattern match anywhere in this byte string" in one left-to-right pass, with a
 * DFA built lazily from a Thompson NFA: each state is a set of NFA instructions, created the first
 * time some input reaches it and cached with its transitions in a flat {@link StateTable}. Warm, a
 * search is one array load per byte, without locks or allocation; each new transition costs at
 * most one pass over the NFA, so a search stays linear in the input length whatever the cache
 * holds.
 *
 * <p>The search is unanchored (the NFA's start is added to every state) and stops at the first
 * position where a match ends. Zero-width assertions are resolved on each transition, from the
 * previous byte (remembered in the state) and the next byte or the end of the text. An input
 * shorter than the pattern's shortest match is answered without a search: rule targets are full
 * of empty and one-character values (JSON numbers and flags, empty forms after a
 * transformation), and each search has a fixed cost.
 *
 * <p>The cache holds at most a byte budget of states, and draws them from a {@link
 * SharedCacheBudget} that bounds all DFAs together; when either is spent it is dropped and
 * refilled. A search that drops it more than a few times gives up with {@link Result#UNDECIDED},
 * so the caller finishes on its general engine instead of the DFA thrashing. Thread-safe; meant
 * to be shared.
 */
public final class LazyDfa {
  /** The outcome of a search. */
  public enum Result {
    MATCH,
    NO_MATCH,
    /** The DFA could not decide cheaply (input above 0xFF, cache thrashing): ask another engine. */
    UNDECIDED
  }

  /** Default cache budget per pattern, in approximate heap bytes. */
  public static final int DEFAULT_CACHE_BYTES = 256 * 1024;

  private static final int MAX_NFA_INSTRUCTIONS = 40_000;
  private static final int MAX_RESETS_PER_SEARCH = 3;

  private final NfaProgram program;
  /** The fewest bytes any match consumes. */
  private final int minimumLength;
  private final byte[] classOf;
  private final int endOfText;
  private final StateBuilder builder;
  private final long cacheBudget;
  private final SharedCacheBudget.Account account;
  private final Map<StateKey, DfaState> cache = new HashMap<>();
  /** The table the cache's states live in; replaced when the cache is dropped. Under the lock. */
  private StateTable table;
  private volatile int resets;
  private volatile DfaState start;

  private record StateKey(int[] instructions, int context) {
    @Override
    public boolean equals(Object other) {
      return other instanceof StateKey key
          && context == key.context
          && Arrays.equals(instructions, key.instructions);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(instructions) * 31 + context;
    }
  }

  private LazyDfa(
      NfaProgram program,
      int minimumLength,
      boolean caretAfterFinalNewline,
      long cacheBudget,
      SharedCacheBudget shared) {
    this.program = program;
    this.minimumLength = minimumLength;
    ByteClasses classes = ByteClasses.of(distinctions(program));
    this.classOf = new byte[256];
    for (int b = 0; b < 256; b++) classOf[b] = (byte) classes.classOf(b);
    this.endOfText = classes.count();
    this.builder = new StateBuilder(program, classes, caretAfterFinalNewline);
    this.cacheBudget = cacheBudget;
    this.account = shared.open(this);
    synchronized (this) {
      this.table = new StateTable(endOfText + 1);
      this.start = newStartState();
    }
  }

  /**
   * A DFA for an RE2-syntax pattern, or null when the pattern uses syntax it does not support.
   *
   * @param caretAfterFinalNewline whether a multiline {@code ^} matches after a newline that ends
   *     the text (RE2: yes; PCRE: no)
   */
  public static LazyDfa compile(String re2Pattern, boolean caretAfterFinalNewline) {
    return compile(re2Pattern, caretAfterFinalNewline, DEFAULT_CACHE_BYTES);
  }

  /** As {@link #compile(String, boolean)} with a cache budget in approximate heap bytes. */
  public static LazyDfa compile(
      String re2Pattern, boolean caretAfterFinalNewline, long cacheBudgetBytes) {
    return compile(re2Pattern, caretAfterFinalNewline, cacheBudgetBytes, SharedCacheBudget.PROCESS);
  }

  /** As {@link #compile(String, boolean, long)}, drawing states from {@code shared}. */
  public static LazyDfa compile(
      String re2Pattern, boolean caretAfterFinalNewline, long cacheBudgetBytes, SharedCacheBudget shared) {
    try {
      RegexNode root = Re2SyntaxParser.parse(re2Pattern);
      NfaProgram program = NfaCompiler.compile(root, MAX_NFA_INSTRUCTIONS);
      return new LazyDfa(program, minimumLength(root), caretAfterFinalNewline, cacheBudgetBytes, shared);
    } catch (UnsupportedSyntaxException unsupported) {
      return null;
    }
  }

  /**
   * Whether every match of {@code re2Pattern} starts with a begin-of-line or begin-of-text anchor
   * and ends with an end-of-line or end-of-text anchor: then, on an input without a newline, a
   * match can only be the whole input ({@code ^.*$}, {@code ^(?:get|post)$}). False when unsure.
   */
  public static boolean anchoredAtBothEnds(String re2Pattern) {
    try {
      RegexNode root = Re2SyntaxParser.parse(re2Pattern);
      return edgeIs(root, true) && edgeIs(root, false);
    } catch (UnsupportedSyntaxException unsupported) {
      return false;
    }
  }

  private static boolean edgeIs(RegexNode node, boolean first) {
    if (node instanceof RegexNode.Assertion assertion) {
      int anchors = first ? Conditions.BEGIN_TEXT | Conditions.BEGIN_LINE : Conditions.END_TEXT | Conditions.END_LINE;
      return assertion.condition() != 0 && (assertion.condition() & ~anchors) == 0;
    }
    if (node instanceof RegexNode.Concatenation concatenation && !concatenation.items().isEmpty()) {
      List<RegexNode> items = concatenation.items();
      return edgeIs(items.get(first ? 0 : items.size() - 1), first);
    }
    return false;
  }

  /**
   * The fewest bytes a match of {@code node} consumes (saturating at {@link Integer#MAX_VALUE}).
   * Each byte of the DFA's input is one char, and RE2/J consumes at least one char per atom, so an
   * input with fewer chars matches in neither.
   */
  static int minimumLength(RegexNode node) {
    if (node instanceof RegexNode.Bytes) return 1;
    if (node instanceof RegexNode.Concatenation concatenation) {
      long sum = 0;
      for (RegexNode item : concatenation.items()) sum += minimumLength(item);
      return (int) Math.min(sum, Integer.MAX_VALUE);
    }
    if (node instanceof RegexNode.Alternation alternation) {
      int shortest = Integer.MAX_VALUE;
      for (RegexNode branch : alternation.branches()) shortest = Math.min(shortest, minimumLength(branch));
      return alternation.branches().isEmpty() ? 0 : shortest;
    }
    if (node instanceof RegexNode.Repetition repetition) {
      return (int) Math.min((long) repetition.min() * minimumLength(repetition.body()), Integer.MAX_VALUE);
    }
    return 0; // the empty string, an assertion
  }

  /** The fewest bytes any match consumes (diagnostics, tests). */
  public int minimumLength() {
    return minimumLength;
  }

  /** Why {@code re2Pattern} is not supported, or null when it is (for diagnostics). */
  public static String unsupportedReason(String re2Pattern) {
    try {
      NfaCompiler.compile(Re2SyntaxParser.parse(re2Pattern), MAX_NFA_INSTRUCTIONS);
      return null;
    } catch (UnsupportedSyntaxException unsupported) {
      return unsupported.getMessage();
    }
  }

  private static List<ByteSet> distinctions(NfaProgram program) {
    List<ByteSet> sets = new ArrayList<>(Arrays.asList(program.sets));
    if ((program.conditionsUsed & (Conditions.BEGIN_LINE | Conditions.END_LINE)) != 0) {
      sets.add(ByteSet.of('\n'));
    }
    if ((program.conditionsUsed & (Conditions.WORD_BOUNDARY | Conditions.NOT_WORD_BOUNDARY)) != 0) {
      sets.add(Conditions.WORD_BYTES);
    }
    return sets;
  }

  /** Whether the pattern matches somewhere in {@code input} (chars 0x00–0xFF). */
  public Result search(String input) {
    if (input.length() < minimumLength) return Result.NO_MATCH;
    DfaState first = start;
    StateTable states = first.table;
    int[] entries = states.entries;
    int row = first.row;
    int resetsBefore = -1;
    byte[] classes = classOf;
    for (int i = 0, n = input.length(); i < n; i++) {
      char c = input.charAt(i);
      if (c > 0xff) return Result.UNDECIDED;
      int byteClass = classes[c] & 0xff;
      int next = entries[row + byteClass];
      if (next <= StateTable.UNKNOWN) {
        if (next == StateTable.MATCH) return Result.MATCH;
        if (resetsBefore < 0) resetsBefore = resets;
        DfaState target = transition(states, row, byteClass);
        if (resets - resetsBefore > MAX_RESETS_PER_SEARCH) return Result.UNDECIDED;
        if (target == DfaState.MATCH) return Result.MATCH;
        // After a reset the target lives in the new table; the search goes on there.
        states = target.table;
        entries = states.entries;
        next = target.row;
      }
      row = next;
    }
    int end = entries[row + endOfText];
    if (end == StateTable.UNKNOWN) {
      if (resetsBefore < 0) resetsBefore = resets;
      end = StateTable.entryOf(transition(states, row, endOfText));
      if (resets - resetsBefore > MAX_RESETS_PER_SEARCH) return Result.UNDECIDED;
    }
    return end == StateTable.MATCH ? Result.MATCH : Result.NO_MATCH;
  }

  private synchronized DfaState transition(StateTable states, int row, int byteClass) {
    int known = states.entries[row + byteClass];
    if (known != StateTable.UNKNOWN) return states.target(known);
    DfaState from = states.target(row);
    DfaState target = builder.step(from, byteClass, endOfText);
    if (target == null) target = intern(builder.targetInstructions(), builder.targetContext());
    // A table the cache has dropped meanwhile is left as it is: only the searches still in it read it.
    if (target.table == null || target.table == states) {
      states.entries[row + byteClass] = StateTable.entryOf(target);
    }
    return target;
  }

  private DfaState intern(int[] instructions, int context) {
    StateKey key = new StateKey(instructions, context);
    DfaState state = cache.get(key);
    if (state != null) return state;
    long footprint = DfaState.footprint(instructions.length, endOfText + 1);
    boolean charged = account.held() + footprint <= cacheBudget && account.tryCharge(footprint);
    if (!charged && !cache.isEmpty()) {
      // Searches still running keep the old table they hold; the cache forgets it.
      cache.clear();
      account.releaseAll();
      resets++;
      table = new StateTable(endOfText + 1);
      start = newStartState();
      DfaState fresh = cache.get(key);
      if (fresh != null) return fresh;
    }
    if (!charged) account.charge(footprint);
    state = table.add(instructions, context);
    cache.put(key, state);
    return state;
  }

  private DfaState newStartState() {
    int context = (program.conditionsUsed & (Conditions.BEGIN_TEXT | Conditions.BEGIN_LINE)) != 0
        ? DfaState.AT_START
        : 0;
    return intern(new int[] {program.start}, context);
  }

  /** States in the cache now (diagnostics, tests). */
  public synchronized int cachedStates() {
    return cache.size();
  }

  /** The approximate heap bytes the cached states take now (diagnostics, metrics). */
  public long cacheBytes() {
    return account.held();
  }

  /** How many times the cache was dropped for being full. */
  public int cacheResets() {
    return resets;
  }

  /** The number of NFA instructions (diagnostics). */
  public int instructionCount() {
    return program.size();
  }

  /** The number of byte classes transitions are kept for (diagnostics). */
  public int byteClassCount() {
    return endOfText;
  }
}
