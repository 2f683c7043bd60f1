package dev.vpatch.engine.variables;

/**
 * A member key written literally in the rules ({@code TX:anomaly_score}, {@code
 * setvar:tx.anomaly_score=+5}), looked up in every transaction: folded and interned once, its
 * {@link KeyedValues#foldedHash} computed once, and where it was found last.
 *
 * <p>CRS sets TX's members in the same order in every transaction, so a key mostly sits where it
 * sat in the previous one: {@link KeyedValues} checks that position first, by reference (keys
 * set from literals are these interned strings), before it hashes its way there. The position is
 * a hint shared by all the transactions that run the rule, written without synchronization: a
 * stale or foreign one fails the check and costs one comparison.
 */
public final class LiteralKey {
  private final String text;
  private final int hash;
  /** Where the key was last found; any value is safe (checked before use). */
  int lastIndex;

  /**
   * @param text the key as its site compares or sets it (a target's folded key, a setvar's name
   *     in lower case); compared ignoring case
   */
  public LiteralKey(String text) {
    this.text = text.intern();
    this.hash = KeyedValues.foldedHash(text);
  }

  /** The key, interned. */
  public String text() {
    return text;
  }

  /** {@link KeyedValues#foldedHash} of the key. */
  public int hash() {
    return hash;
  }

  @Override
  public String toString() {
    return text;
  }
}
