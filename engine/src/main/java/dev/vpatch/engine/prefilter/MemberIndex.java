package dev.vpatch.engine.prefilter;

/**
 * Which prefilter literals occur in which members of a collection (one transformation chain,
 * values or keys): the union of the members' found sets, and per literal in that union the set of
 * members containing it. A rule with a literal requirement then visits only the members that
 * contain one of its literals, instead of testing every member's found set; with most rules
 * needing literals that benign traffic lacks, that turns a per-member loop into a few bit
 * operations. Built once per collection state and transaction; immutable once built.
 */
public final class MemberIndex {
  private final long[] union;
  /**
   * Per word of {@link #union}: how many union bits the earlier words hold (a literal's rank);
   * null until the postings are built.
   */
  private int[] rankBefore;
  private final int memberWords;
  private final int members;
  /** The members' found sets until the postings are built, then null. */
  private long[][] found;
  /**
   * Rank-major member bitsets: members containing the literal of rank r at [r * memberWords].
   * Built on the first requirement the union satisfies: most requirements fail on the union.
   */
  private long[] postings;
  /** The members holding one further set of a requirement, while they are intersected; lazily sized. */
  private long[] holdingSet;

  /**
   * @param found the found set of each member ({@link LiteralPrefilter#newFoundSet}, {@link
   *     LiteralPrefilter#scan}), in member order;
   *     kept (not copied) until the postings are built
   * @param members how many entries of {@code found} are members
   */
  public MemberIndex(long[][] found, int members) {
    // Up to the last word a member holds: found sets end early, and a transaction builds an
    // index per collection and chain (a browser GET, some 160).
    int used = 0;
    for (int m = 0; m < members; m++) used = Math.max(used, found[m].length - 1);
    union = new long[used];
    for (int m = 0; m < members; m++) {
      long[] f = found[m];
      int words = f.length - 1;
      if (words > Long.SIZE) {
        for (int w = 0; w < words; w++) union[w] |= f[w];
        continue;
      }
      // A set cut short from more than 64 words marks every word: its length bounds the walk.
      for (long touched = LiteralPrefilter.touchedWords(f); touched != 0; touched &= touched - 1) {
        int w = Long.numberOfTrailingZeros(touched);
        if (w >= words) break;
        union[w] |= f[w];
      }
    }
    this.members = members;
    this.memberWords = (members + 63) >>> 6;
    this.found = found;
  }

  private long[] postings() {
    if (postings != null) return postings;
    rankBefore = new int[union.length];
    int ranks = 0;
    for (int w = 0; w < union.length; w++) {
      rankBefore[w] = ranks;
      ranks += Long.bitCount(union[w]);
    }
    long[] built = new long[ranks * memberWords];
    for (int m = 0; m < members; m++) {
      long[] f = found[m];
      int words = f.length - 1;
      long memberBit = 1L << (m & 63);
      int memberWord = m >>> 6;
      long touched = LiteralPrefilter.touchedWords(f);
      for (int w = 0; w < words; w++) {
        if (w < Long.SIZE && (touched & (1L << w)) == 0) continue;
        for (long bits = f[w]; bits != 0; bits &= bits - 1) {
          built[rank(w, Long.lowestOneBit(bits)) * memberWords + memberWord] |= memberBit;
        }
      }
    }
    postings = built;
    found = null;
    return built;
  }

  private int rank(int word, long bit) {
    return rankBefore[word] + Long.bitCount(union[word] & (bit - 1));
  }

  /** Whether some member contains a literal of the requirement. */
  public boolean mayMatch(LiteralPrefilter.Requirement requirement) {
    return members > 0 && requirement.satisfiedBy(union, union.length);
  }

  /** How many longs a member bitset of this index has. */
  public int memberWords() {
    return memberWords;
  }

  /**
   * Writes into {@code into} (at least {@link #memberWords()} long) the members that contain a
   * literal of the requirement (of each of its sets); returns false, leaving {@code into}
   * unspecified, when none does.
   */
  public boolean candidates(LiteralPrefilter.Requirement requirement, long[] into) {
    if (!holdingOne(requirement, into)) return false;
    for (LiteralPrefilter.Requirement set = requirement.alsoRequired; set != null; set = set.alsoRequired) {
      if (holdingSet == null) holdingSet = new long[memberWords];
      if (!holdingOne(set, holdingSet)) return false;
      long left = 0;
      for (int i = 0; i < memberWords; i++) left |= into[i] &= holdingSet[i];
      if (left == 0) return false;
    }
    return true;
  }

  /** {@link #candidates} for the requirement's first set alone. */
  private boolean holdingOne(LiteralPrefilter.Requirement requirement, long[] into) {
    if (members == 0) return false;
    boolean any = false;
    int[] words = requirement.words;
    long[] masks = requirement.masks;
    for (int k = 0; k < words.length; k++) {
      int w = words[k];
      if (w >= union.length) break; // words ascend; the union ends at its last non-empty word
      long present = masks[k] & union[w];
      if (present == 0) continue;
      if (!any) {
        java.util.Arrays.fill(into, 0, memberWords, 0L);
        any = true;
      }
      long[] postings = postings();
      for (; present != 0; present &= present - 1) {
        int row = rank(w, Long.lowestOneBit(present)) * memberWords;
        for (int i = 0; i < memberWords; i++) into[i] |= postings[row + i];
      }
    }
    return any;
  }
}
