package dev.vpatch.engine.operators;

import dev.vpatch.engine.operators.ahocorasick.AhoCorasick;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The phrases of up to 64 phrase searches ({@code @pm}, {@code @pmFromFile}) in one automaton: one
 * scan of a value tells which of the searches can match it. A phrase search matches exactly when
 * its input contains one of its phrases (ASCII case ignored), so a member whose bit the scan leaves
 * clear does not match, and only the others run their own search (for the phrase they report).
 *
 * <p>CRS's response rules search the same response body for SQL, PHP, Java, IIS and web-shell
 * error texts, each rule with its own list: grouped, the body is scanned once instead of once per
 * rule.
 */
public final class PhraseGroup implements OperatorGroup {
  private final AhoCorasick automaton;

  private PhraseGroup(AhoCorasick automaton) {
    this.automaton = automaton;
  }

  /** A group of the searches, member {@code i} being {@code searches.get(i)}. */
  public static PhraseGroup of(List<? extends PhraseSearch> searches) {
    if (searches.size() > MAX_MEMBERS) throw new IllegalArgumentException("at most 64 phrase searches per group");
    List<String> phrases = new ArrayList<>();
    for (PhraseSearch search : searches) phrases.addAll(search.phrases());
    long[] owners = new long[phrases.size()];
    for (int member = 0, at = 0; member < searches.size(); member++) {
      int end = at + searches.get(member).phrases().size();
      Arrays.fill(owners, at, end, 1L << member);
      at = end;
    }
    return new PhraseGroup(AhoCorasick.caseInsensitiveWithOwners(phrases, owners));
  }

  /** One bit per member ({@code 1L << i}) whose search finds a phrase in {@code input}: exact. */
  @Override
  public long membersMatching(String input) {
    return automaton.ownersIn(input);
  }
}
