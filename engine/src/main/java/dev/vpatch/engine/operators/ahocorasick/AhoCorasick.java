package dev.vpatch.engine.operators.ahocorasick;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A multi-phrase matcher over byte strings: an Aho-Corasick automaton compiled to a dense DFA
 * table, one row per state and one column per byte class (bytes that occur in no phrase share one
 * column, so the table stays small). Matching is one table lookup per input byte. Immutable and
 * thread-safe.
 */
public final class AhoCorasick {
  private final String[] phrases;
  private final int[] byteClass = new int[256];
  private final int classCount;
  /** The DFA table, row-major, when state numbers do not fit in a char. */
  private final int[] transitions;
  /** The same table as chars when every state number fits, halving its memory. */
  private final char[] narrowTransitions;
  /**
   * Per state: index of the longest phrase ending there. States are numbered so that those where
   * a phrase ends come first: a state below {@link #outputStates} is a match, one comparison per
   * byte instead of a second table read.
   */
  private final int[] output;
  private final int outputStates;
  private final int startState;
  /** No phrase fits in an input shorter than this: most form values skip the scan. */
  private final int shortestPhrase;
  /**
   * Per output state, the owners (bits given with the phrases) of every phrase ending there,
   * suffixes included; null when the phrases were given without owners.
   */
  private final long[] owners;

  private AhoCorasick(List<String> phraseList, boolean caseInsensitive) {
    this(phraseList, caseInsensitive, null);
  }

  private AhoCorasick(List<String> phraseList, boolean caseInsensitive, long[] phraseOwners) {
    this.phrases = phraseList.toArray(String[]::new);
    this.classCount = assignByteClasses(caseInsensitive);
    Trie trie = new Trie(classCount);
    int shortest = Integer.MAX_VALUE;
    for (int p = 0; p < phrases.length; p++) {
      String phrase = phrases[p];
      if (phrase.isEmpty()) continue;
      shortest = Math.min(shortest, phrase.length());
      int state = 0;
      for (int i = 0; i < phrase.length(); i++) {
        state = trie.child(state, byteClass[phrase.charAt(i) & 0xff]);
      }
      trie.markEnd(state, p);
      if (phraseOwners != null) trie.addOwners(state, phraseOwners[p]);
    }
    this.shortestPhrase = shortest;
    int[] built = Arrays.copyOf(trie.edges, trie.size * classCount);
    int[] outputs = new int[trie.size];
    long[] stateOwners = phraseOwners == null ? null : Arrays.copyOf(trie.owners, trie.size);
    linkFailures(trie, built, outputs, stateOwners);
    int[] number = new int[trie.size];
    int next = 0;
    for (int state = 0; state < trie.size; state++) if (outputs[state] >= 0) number[state] = next++;
    this.outputStates = next;
    for (int state = 0; state < trie.size; state++) if (outputs[state] < 0) number[state] = next++;
    this.startState = number[0];
    this.owners = stateOwners == null ? null : new long[outputStates];
    if (owners != null) {
      for (int state = 0; state < trie.size; state++) if (outputs[state] >= 0) owners[number[state]] = stateOwners[state];
    }
    this.output = new int[trie.size];
    int[] table = new int[built.length];
    for (int state = 0; state < trie.size; state++) {
      output[number[state]] = outputs[state];
      int from = state * classCount;
      int to = number[state] * classCount;
      for (int c = 0; c < classCount; c++) table[to + c] = number[built[from + c]];
    }
    boolean fitsChar = trie.size <= Character.MAX_VALUE + 1;
    this.transitions = fitsChar ? null : table;
    this.narrowTransitions = fitsChar ? narrow(table) : null;
  }

  private static char[] narrow(int[] table) {
    char[] narrow = new char[table.length];
    for (int i = 0; i < table.length; i++) narrow[i] = (char) table[i];
    return narrow;
  }

  /** ASCII letters match either case, as ModSecurity's {@code @pm} does (C locale tolower). */
  public static AhoCorasick caseInsensitive(Collection<String> phrases) {
    return new AhoCorasick(new ArrayList<>(phrases), true);
  }

  public static AhoCorasick caseSensitive(Collection<String> phrases) {
    return new AhoCorasick(new ArrayList<>(phrases), false);
  }

  /**
   * Case-insensitive like {@link #caseInsensitive}, each phrase with owner bits (phrase {@code p}
   * belongs to {@code owners[p]}) for {@link #ownersIn}.
   */
  public static AhoCorasick caseInsensitiveWithOwners(List<String> phrases, long[] owners) {
    if (owners.length != phrases.size()) throw new IllegalArgumentException("one owner mask per phrase");
    return new AhoCorasick(new ArrayList<>(phrases), true, owners.clone());
  }

  /**
   * The owners of every phrase {@code input} contains, OR-ed (0 when it contains none): one scan
   * of the whole input. Only for an automaton built {@link #caseInsensitiveWithOwners with owners}.
   */
  public long ownersIn(String input) {
    if (owners == null) throw new IllegalStateException("built without owners");
    if (input.length() < shortestPhrase) return 0;
    int[] classes = byteClass;
    int width = classCount;
    int matching = outputStates;
    long found = 0;
    int state = startState;
    if (narrowTransitions != null) {
      char[] table = narrowTransitions;
      for (int i = 0, n = input.length(); i < n; i++) {
        state = table[state * width + classes[input.charAt(i) & 0xff]];
        if (state < matching) found |= owners[state];
      }
    } else {
      int[] table = transitions;
      for (int i = 0, n = input.length(); i < n; i++) {
        state = table[state * width + classes[input.charAt(i) & 0xff]];
        if (state < matching) found |= owners[state];
      }
    }
    return found;
  }

  /**
   * The phrase found first when scanning {@code input} (the one ending earliest; of those, the
   * longest), or null.
   */
  public String firstMatch(String input) {
    if (input.length() < shortestPhrase) return null;
    int found = narrowTransitions != null ? scanNarrow(input) : scanWide(input);
    return found < 0 ? null : phrases[found];
  }

  private int scanNarrow(String input) {
    char[] table = narrowTransitions;
    int[] classes = byteClass;
    int width = classCount;
    int matching = outputStates;
    int state = startState;
    for (int i = 0, n = input.length(); i < n; i++) {
      state = table[state * width + classes[input.charAt(i) & 0xff]];
      if (state < matching) return output[state];
    }
    return -1;
  }

  private int scanWide(String input) {
    int[] table = transitions;
    int state = startState;
    for (int i = 0, n = input.length(); i < n; i++) {
      state = table[state * classCount + byteClass[input.charAt(i) & 0xff]];
      if (state < outputStates) return output[state];
    }
    return -1;
  }

  public boolean containsAny(String input) {
    return firstMatch(input) != null;
  }

  /** The phrases searched for, in the order given. */
  public List<String> phrases() {
    return List.of(phrases);
  }

  public int phraseCount() {
    return phrases.length;
  }

  public int stateCount() {
    return output.length;
  }

  private int assignByteClasses(boolean caseInsensitive) {
    int next = 1;
    for (String phrase : phrases) {
      for (int i = 0; i < phrase.length(); i++) {
        int b = phrase.charAt(i) & 0xff;
        if (byteClass[b] != 0) continue;
        int other = caseInsensitive ? otherCase(b) : b;
        int shared = byteClass[other];
        byteClass[b] = shared != 0 ? shared : next++;
        byteClass[other] = byteClass[b];
      }
    }
    return next;
  }

  private static int otherCase(int b) {
    if (b >= 'a' && b <= 'z') return b - 32;
    if (b >= 'A' && b <= 'Z') return b + 32;
    return b;
  }

  /** Breadth-first: completes every row into DFA transitions and fills the outputs. */
  private void linkFailures(Trie trie, int[] transitions, int[] output, long[] owners) {
    int[] failure = new int[trie.size];
    int[] queue = new int[trie.size];
    int head = 0;
    int tail = 0;
    output[0] = trie.end[0];
    for (int c = 0; c < classCount; c++) {
      int child = transitions[c];
      if (child < 0) {
        transitions[c] = 0;
      } else {
        failure[child] = 0;
        queue[tail++] = child;
      }
    }
    while (head < tail) {
      int state = queue[head++];
      output[state] = trie.end[state] >= 0 ? trie.end[state] : output[failure[state]];
      // The failure state is shallower, so already complete: a state ends its suffixes' phrases too.
      if (owners != null) owners[state] |= owners[failure[state]];
      int row = state * classCount;
      int failureRow = failure[state] * classCount;
      for (int c = 0; c < classCount; c++) {
        int child = transitions[row + c];
        if (child < 0) {
          transitions[row + c] = transitions[failureRow + c];
        } else {
          failure[child] = transitions[failureRow + c];
          queue[tail++] = child;
        }
      }
    }
  }

  /** The keyword trie under construction: a growing dense table, -1 for a missing edge. */
  private static final class Trie {
    private final int classCount;
    int[] edges;
    int[] end;
    /** Owner bits of the phrases ending at each state (without suffixes). */
    long[] owners;
    int size = 1;

    Trie(int classCount) {
      this.classCount = classCount;
      this.edges = new int[classCount * 16];
      Arrays.fill(edges, -1);
      this.end = new int[16];
      Arrays.fill(end, -1);
      this.owners = new long[16];
    }

    void addOwners(int state, long phraseOwners) {
      owners[state] |= phraseOwners;
    }

    int child(int state, int byteClass) {
      int slot = state * classCount + byteClass;
      if (edges[slot] >= 0) return edges[slot];
      if (size == end.length) grow();
      edges[slot] = size;
      return size++;
    }

    void markEnd(int state, int phrase) {
      if (end[state] < 0) end[state] = phrase;
    }

    private void grow() {
      int capacity = end.length * 2;
      int oldEdges = edges.length;
      edges = Arrays.copyOf(edges, capacity * classCount);
      Arrays.fill(edges, oldEdges, edges.length, -1);
      end = Arrays.copyOf(end, capacity);
      Arrays.fill(end, size, capacity, -1);
      owners = Arrays.copyOf(owners, capacity);
    }
  }
}
