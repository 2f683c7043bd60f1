package dev.vpatch.engine.prefilter;

import dev.vpatch.engine.transformations.Lowercase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The literal prefilter of a rule set. Most regexes cannot match most input: each {@code @rx}
 * needs at least one of a few literals (found by the operator at load time). This class holds one
 * Aho-Corasick automaton over every such literal of the rule set, so that one pass over a value
 * tells which literals it contains; a rule then runs its regex only when the value contains one
 * of its literals. The phrases of each phrase search ({@code @pm}, {@code @pmFromFile}) ride along
 * under one id per search, so the same pass also settles every phrase search of the value, which
 * then scans with its own automaton only to name the phrase it found. Matching ignores ASCII case
 * (literals are lower case). Immutable, shared.
 */
public final class LiteralPrefilter {
  /**
   * A rule's requirement: the ids of the literals of which a value must contain one, and of
   * each further set ({@link #alsoRequired}) as well.
   */
  public static final class Requirement {
    /** Indexes of the words of the literal bitset in which the requirement has ids. */
    final int[] words;
    /** The requirement's ids in each of those words. */
    final long[] masks;
    /** The next set of which the value must contain a literal too, or null. */
    final Requirement alsoRequired;

    private Requirement(long[] mask, Requirement alsoRequired) {
      this.alsoRequired = alsoRequired;
      int used = 0;
      for (long m : mask) if (m != 0) used++;
      words = new int[used];
      masks = new long[used];
      for (int w = 0, k = 0; w < mask.length; w++) {
        if (mask[w] == 0) continue;
        words[k] = w;
        masks[k++] = mask[w];
      }
    }

    /**
     * Whether the literals of a found set ({@link #newFoundSet}, {@link #foundIn}) satisfy this
     * requirement.
     */
    public boolean satisfiedBy(long[] found) {
      return satisfiedBy(found, found.length - 1);
    }

    /**
     * Whether the first {@code count} words of a literal bitset (the words past them hold
     * nothing) satisfy this requirement.
     */
    boolean satisfiedBy(long[] literals, int count) {
      for (Requirement set = this; set != null; set = set.alsoRequired) {
        if (!set.containedIn(literals, count)) return false;
      }
      return true;
    }

    /** Whether the literals hold one of this set's (regardless of {@link #alsoRequired}). */
    private boolean containedIn(long[] literals, int count) {
      for (int k = 0; k < words.length; k++) {
        int w = words[k];
        if (w >= count) return false; // words ascend
        if ((masks[k] & literals[w]) != 0) return true;
      }
      return false;
    }
  }

  /** Collects literal sets while a rule set is compiled, then builds the automaton. */
  public static final class Builder {
    /** Phrases fold as the searches compare them: ASCII letters only, like t:lowercase. */
    private static final Lowercase ASCII_LOWERCASE = new Lowercase();
    /** The id of each literal registered by {@link #add}. */
    private final Map<String, Integer> ids = new HashMap<>();
    /** Every (literal, id) pair to put in the automaton; a literal may carry several ids. */
    private final List<String> texts = new ArrayList<>();
    private final List<Integer> textIds = new ArrayList<>();
    private int idCount;
    /** Per handle, the literal ids of each set a value must hold one of. */
    private final List<int[][]> pending = new ArrayList<>();

    /**
     * Registers a literal set (lower case) of which a value must contain one; returns a handle
     * to resolve into a requirement after build.
     */
    public int add(Set<String> literals) {
      return addAll(List.of(literals));
    }

    /**
     * Registers literal sets (lower case) of which a value must contain one member of each;
     * returns a handle like {@link #add}.
     */
    public int addAll(List<Set<String>> sets) {
      int[][] literalIds = new int[sets.size()][];
      for (int k = 0; k < literalIds.length; k++) {
        literalIds[k] = sets.get(k).stream().mapToInt(literal -> ids.computeIfAbsent(literal, this::newId)).toArray();
      }
      pending.add(literalIds);
      return pending.size() - 1;
    }

    private int newId(String literal) {
      int id = idCount++;
      texts.add(literal);
      textIds.add(id);
      return id;
    }

    /**
     * Registers the phrases of a phrase search ({@code @pm}) under one id: the value's found set
     * then tells whether it contains any of them (ASCII case ignored, as the operator does), which
     * is exactly when the search matches. Returns a handle like {@link #add}.
     */
    public int addPhrases(Collection<String> phrases) {
      int id = idCount++;
      for (String phrase : phrases) {
        if (phrase.isEmpty()) continue;
        texts.add(ASCII_LOWERCASE.apply(phrase));
        textIds.add(id);
      }
      pending.add(new int[][] {{id}});
      return pending.size() - 1;
    }

    public LiteralPrefilter build() {
      int[] renumbered = shortestFirst();
      int words = (idCount + 63) / 64;
      List<Requirement> requirements = new ArrayList<>(pending.size());
      for (int[][] sets : pending) {
        Requirement requirement = null;
        for (int k = sets.length - 1; k >= 0; k--) {
          long[] mask = new long[words];
          for (int id : sets[k]) mask[renumbered[id] >>> 6] |= 1L << (renumbered[id] & 63);
          requirement = new Requirement(mask, requirement);
        }
        requirements.add(requirement);
      }
      int[] idOfText = new int[textIds.size()];
      for (int k = 0; k < idOfText.length; k++) idOfText[k] = renumbered[textIds.get(k)];
      return new LiteralPrefilter(texts.toArray(String[]::new), idOfText, idCount, requirements);
    }

    /**
     * New ids, shortest text first: single characters, which nearly every value contains, then
     * share the first word of the found set, which a scan collects in a register.
     */
    private int[] shortestFirst() {
      int[] shortest = new int[idCount];
      Arrays.fill(shortest, Integer.MAX_VALUE);
      for (int k = 0; k < texts.size(); k++) {
        int id = textIds.get(k);
        shortest[id] = Math.min(shortest[id], texts.get(k).length());
      }
      Integer[] byLength = new Integer[idCount];
      for (int id = 0; id < idCount; id++) byLength[id] = id;
      Arrays.sort(byLength, (a, b) -> shortest[a] != shortest[b]
          ? Integer.compare(shortest[a], shortest[b])
          : Integer.compare(a, b));
      int[] renumbered = new int[idCount];
      for (int position = 0; position < idCount; position++) renumbered[byLength[position]] = position;
      return renumbered;
    }
  }

  private final int words;
  private final int[] byteClass = new int[256];
  private final int classCount;
  /** Per byte: its class's column offset in the transition table ({@code class * states}). */
  private final int[] column = new int[256];
  /**
   * Per byte: the single-byte literals it is, when their ids fall in the first word. They stay
   * out of the automaton, where nearly every state would have recorded them (every printable
   * byte is a literal of some rule), and a scan ORs them in beside its state chain.
   */
  private final long[] singleByteFirstWord = new long[256];
  /**
   * The next state's number per {@code column[byte] + state}, two bytes per entry: a scan's cost
   * is mostly this table's cache misses (some 28,000 states for the CRS), so fewer bytes are fewer
   * misses; and column-major, so that the next index is one add from the state, as short a chain
   * from byte to byte as a row offset gives. States are numbered so that the ones where a literal
   * ends come first: below {@link #outputStates} means "record something". Null when there are
   * more states than a char holds; {@link #wideTransitions} then.
   */
  private final char[] transitions;
  private final int[] wideTransitions;
  private final int outputStates;
  private final int startState;
  /**
   * Per output state, side by side at {@code 3 * state}: the mask of its literals in the first
   * bitset word; the one other word the rest fall in ({@link #FIRST_WORD_ONLY} when there is none,
   * {@link #SPREAD} when they span several, then {@link #spreadOutputs} has their ids); that
   * word's mask. The first word holds the short literals most bytes hit, and a longer literal's
   * state usually ends one of them too ({@code ing} also ends {@code g}): a scan gathers those in a
   * register and touches memory only for the rest. The three share a cache line, one miss in a
   * cold table.
   */
  private final long[] outputTriples;
  /** The found set of every value without a literal: no word, a mark of none. Never written. */
  private static final long[] NOTHING_FOUND = {0L};
  private static final long FIRST_WORD_ONLY = -2;
  private static final long SPREAD = -1;
  private final int[][] spreadOutputs;
  private final List<Requirement> requirements;

  /**
   * @param literals the texts to find, lower case
   * @param idOf the id each text records when found (texts may share an id)
   * @param ids how many ids there are
   */
  private LiteralPrefilter(String[] literals, int[] idOf, int ids, List<Requirement> requirements) {
    this.words = Math.max(1, (ids + 63) / 64);
    this.requirements = List.copyOf(requirements);
    this.classCount = assignClasses(literals);
    // Trie
    List<int[]> rows = new ArrayList<>();
    List<int[]> ends = new ArrayList<>();
    rows.add(newRow());
    ends.add(null);
    for (int k = 0; k < literals.length; k++) {
      String literal = literals[k];
      if (literal.isEmpty()) continue;
      if (literal.length() == 1 && idOf[k] < Long.SIZE) {
        int singleClass = byteClass[literal.charAt(0) & 0xff];
        for (int b = 0; b < 256; b++) {
          if (byteClass[b] == singleClass) singleByteFirstWord[b] |= 1L << idOf[k];
        }
        continue;
      }
      int state = 0;
      for (int i = 0; i < literal.length(); i++) {
        int c = byteClass[literal.charAt(i) & 0xff];
        int next = rows.get(state)[c];
        if (next < 0) {
          next = rows.size();
          rows.add(newRow());
          ends.add(null);
          rows.get(state)[c] = next;
        }
        state = next;
      }
      ends.set(state, append(ends.get(state), idOf[k]));
    }
    int states = rows.size();
    int[] delta = new int[states * classCount];
    for (int s = 0; s < states; s++) System.arraycopy(rows.get(s), 0, delta, s * classCount, classCount);
    int[][] outputs = new int[states][];
    int[] failure = new int[states];
    int[] queue = new int[states];
    int head = 0;
    int tail = 0;
    outputs[0] = ends.get(0);
    for (int c = 0; c < classCount; c++) {
      int child = delta[c];
      if (child < 0) {
        delta[c] = 0;
      } else {
        failure[child] = 0;
        queue[tail++] = child;
      }
    }
    while (head < tail) {
      int state = queue[head++];
      outputs[state] = merge(ends.get(state), outputs[failure[state]]);
      for (int c = 0; c < classCount; c++) {
        int index = state * classCount + c;
        int child = delta[index];
        int viaFailure = delta[failure[state] * classCount + c];
        if (child < 0) {
          delta[index] = viaFailure;
        } else {
          failure[child] = viaFailure;
          queue[tail++] = child;
        }
      }
    }
    // Renumber: output states first, so that one comparison tells whether a state records.
    int[] number = new int[states];
    int next = 0;
    for (int s = 0; s < states; s++) if (outputs[s] != null) number[s] = next++;
    int outputStates = next;
    for (int s = 0; s < states; s++) if (outputs[s] == null) number[s] = next++;
    this.outputStates = outputStates;
    for (int b = 0; b < 256; b++) column[b] = byteClass[b] * states;
    startState = number[0];
    boolean narrow = states <= Character.MAX_VALUE + 1;
    transitions = narrow ? new char[states * classCount] : null;
    wideTransitions = narrow ? null : new int[states * classCount];
    outputTriples = new long[3 * outputStates];
    spreadOutputs = new int[outputStates][];
    for (int s = 0; s < states; s++) {
      for (int c = 0; c < classCount; c++) {
        int at = c * states + number[s];
        int target = number[delta[s * classCount + c]];
        if (narrow) transitions[at] = (char) target;
        else wideTransitions[at] = target;
      }
      if (outputs[s] != null) recordOutputs(number[s], outputs[s]);
    }
  }

  private void recordOutputs(int state, int[] ids) {
    long firstWord = 0;
    int[] rest = new int[ids.length];
    int restCount = 0;
    for (int id : ids) {
      if (id < Long.SIZE) firstWord |= 1L << id;
      else rest[restCount++] = id;
    }
    outputTriples[3 * state] = firstWord;
    outputTriples[3 * state + 1] = FIRST_WORD_ONLY;
    if (restCount == 0) return;
    int word = rest[0] >>> 6;
    long mask = 0;
    for (int k = 0; k < restCount; k++) {
      if (rest[k] >>> 6 != word) {
        outputTriples[3 * state + 1] = SPREAD;
        spreadOutputs[state] = Arrays.copyOf(rest, restCount);
        return;
      }
      mask |= 1L << (rest[k] & 63);
    }
    outputTriples[3 * state + 1] = word;
    outputTriples[3 * state + 2] = mask;
  }

  private int[] newRow() {
    int[] row = new int[classCount];
    Arrays.fill(row, -1);
    return row;
  }

  private int assignClasses(String[] literals) {
    int next = 1;
    for (String literal : literals) {
      for (int i = 0; i < literal.length(); i++) {
        int b = literal.charAt(i) & 0xff;
        if (byteClass[b] != 0) continue;
        byteClass[b] = next;
        if (b >= 'a' && b <= 'z') byteClass[b - 32] = next;
        next++;
      }
    }
    return next;
  }

  private static int[] append(int[] ids, int id) {
    if (ids == null) return new int[] {id};
    int[] out = Arrays.copyOf(ids, ids.length + 1);
    out[ids.length] = id;
    return out;
  }

  private static int[] merge(int[] own, int[] inherited) {
    if (inherited == null) return own;
    if (own == null) return inherited;
    int[] out = Arrays.copyOf(own, own.length + inherited.length);
    System.arraycopy(inherited, 0, out, own.length, inherited.length);
    return out;
  }

  /** How many states the automaton has (diagnostics, tests). */
  int states() {
    return (transitions != null ? transitions.length : wideTransitions.length) / classCount;
  }

  /** The requirement registered under {@code handle} by the builder. */
  public Requirement requirement(int handle) {
    return requirements.get(handle);
  }

  /**
   * A fresh, empty set of found literals: one bit per literal id in {@code words} longs, then one
   * long marking which of those words have a bit set ({@link #touchedWords}), so that combining
   * the sets of a collection's members reads the few words each one touched. A found set may end
   * early (see {@link #foundIn}): its last long is always the mark, and the words it leaves out
   * hold nothing.
   */
  public long[] newFoundSet() {
    long[] found = new long[words + 1];
    if (words > Long.SIZE) found[words] = -1L;
    return found;
  }

  /**
   * The found set of {@code value}, cut after its last word with a literal: a transaction keeps
   * one per distinct value instance (a browser GET, some 70), and most hold a few short literals
   * in the first words, or none (then they share one empty set).
   *
   * @param scratch a {@link #newFoundSet} this prefilter scans into; left empty again
   */
  public long[] foundIn(String value, long[] scratch) {
    scan(value, scratch);
    boolean wide = words > Long.SIZE;
    int last =
        wide ? lastNonZero(scratch, words) : Long.SIZE - 1 - Long.numberOfLeadingZeros(touchedWords(scratch));
    if (last < 0) {
      return NOTHING_FOUND;
    }
    long[] found = Arrays.copyOf(scratch, last + 2);
    found[last + 1] = scratch[words];
    Arrays.fill(scratch, 0, last + 1, 0L);
    // Past 64 words the mark stays all ones (see newFoundSet).
    if (!wide) scratch[words] = 0L;
    return found;
  }

  /** The index of the last non-zero word among the first {@code count}, or -1. */
  private static int lastNonZero(long[] words, int count) {
    int last = count - 1;
    while (last >= 0 && words[last] == 0) last--;
    return last;
  }

  /**
   * The words of {@code found} that may have a bit set, one bit per word; every word when there
   * are more than 64 (then all bits are set).
   */
  static long touchedWords(long[] found) {
    return found[found.length - 1];
  }

  /** Scans {@code value} once and records every literal it contains into {@code found}. */
  public void scan(String value, long[] found) {
    if (transitions == null) {
      scanWide(value, found);
      return;
    }
    char[] table = transitions;
    int[] columns = column;
    long[] singles = singleByteFirstWord;
    long[] triples = outputTriples;
    int recording = outputStates;
    int state = startState;
    // Outputs in the first word (the short literals most bytes hit) gather in a register rather
    // than in found[0], whose read-modify-write would chain one recorded byte to the next.
    long firstWord = 0;
    // The touched-word marks gather in a register too (see newFoundSet for more than 64 words).
    long touched = 0;
    for (int i = 0, n = value.length(); i < n; i++) {
      int b = value.charAt(i) & 0xff;
      firstWord |= singles[b];
      state = table[columns[b] + state];
      if (state < recording) {
        // Kept inline (the loop the A/B runs measured); recordBeyondFirstWord serves scanWide.
        int at = 3 * state;
        firstWord |= triples[at];
        long word = triples[at + 1];
        if (word >= 0) {
          found[(int) word] |= triples[at + 2];
          touched |= 1L << word;
        } else if (word == SPREAD) {
          touched |= recordSpread(state, found);
        }
      }
    }
    finish(found, firstWord, touched);
  }

  /** {@link #scan} over a table of more states than a char numbers (rare, so kept plain). */
  private void scanWide(String value, long[] found) {
    long firstWord = 0;
    long touched = 0;
    int state = startState;
    for (int i = 0, n = value.length(); i < n; i++) {
      int b = value.charAt(i) & 0xff;
      firstWord |= singleByteFirstWord[b];
      state = wideTransitions[column[b] + state];
      if (state < outputStates) {
        firstWord |= outputTriples[3 * state];
        touched |= recordBeyondFirstWord(state, found);
      }
    }
    finish(found, firstWord, touched);
  }

  private static void finish(long[] found, long firstWord, long touched) {
    if (firstWord != 0) {
      found[0] |= firstWord;
      touched |= 1L;
    }
    found[found.length - 1] |= touched;
  }

  /**
   * Records an output state's literals past the first word (the scan gathers that one); returns
   * the words it touched.
   */
  private long recordBeyondFirstWord(int state, long[] found) {
    long word = outputTriples[3 * state + 1];
    if (word >= 0) {
      found[(int) word] |= outputTriples[3 * state + 2];
      return 1L << word;
    }
    return word == FIRST_WORD_ONLY ? 0 : recordSpread(state, found);
  }

  /** Records the literals of an output state that span several words; returns their words. */
  private long recordSpread(int state, long[] found) {
    long touched = 0;
    for (int id : spreadOutputs[state]) {
      found[id >>> 6] |= 1L << (id & 63);
      touched |= 1L << (id >>> 6);
    }
    return touched;
  }
}
