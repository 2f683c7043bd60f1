package dev.vpatch.engine.operators.regex.dfa;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import org.junit.jupiter.api.Test;

/** The budget that bounds the state caches of many DFAs together. */
class SharedCacheBudgetTest {
  private static final String EXPLODING = "(?s)a.{12}b";
  private static final String OTHER_EXPLODING = "(?s)x.{11}y";
  private static final long LIMIT = 40_000;
  /** One state of these small patterns takes far less; the sum may overshoot by one per DFA. */
  private static final long OVERSHOOT_PER_DFA = 4_000;

  @Test
  void dfasThatFillTheirCachesStayWithinTheSharedLimitAndAnswerCorrectly() {
    SharedCacheBudget shared = new SharedCacheBudget(LIMIT);
    LazyDfa first = LazyDfa.compile(EXPLODING, true, LazyDfa.DEFAULT_CACHE_BYTES, shared);
    LazyDfa second = LazyDfa.compile(OTHER_EXPLODING, true, LazyDfa.DEFAULT_CACHE_BYTES, shared);
    Pattern firstRe2 = Pattern.compile(EXPLODING);
    Pattern secondRe2 = Pattern.compile(OTHER_EXPLODING);
    RandomByteStrings random = new RandomByteStrings(3);
    int decided = 0;
    for (int i = 0; i < 3_000; i++) {
      String input = random.next("aaab xxxy\n") + random.next("axbyaxby");
      for (Object[] pair : new Object[][] {{first, firstRe2}, {second, secondRe2}}) {
        LazyDfa.Result result = ((LazyDfa) pair[0]).search(input);
        assertThat(shared.used()).isLessThanOrEqualTo(LIMIT + 2 * OVERSHOOT_PER_DFA);
        if (result == LazyDfa.Result.UNDECIDED) continue;
        decided++;
        assertThat(result == LazyDfa.Result.MATCH)
            .as(LazyDfaTest.visible(input))
            .isEqualTo(((Pattern) pair[1]).matcher(input).find());
      }
    }
    assertThat(first.cacheResets() + second.cacheResets()).isPositive();
    assertThat(first.cacheBytes() + second.cacheBytes()).isEqualTo(shared.used());
    assertThat(decided).isGreaterThan(3_000);
  }

  @Test
  void theBytesOfACollectedDfaReturnToTheBudget() throws InterruptedException {
    SharedCacheBudget shared = new SharedCacheBudget(1L << 20);
    fillAndForget(shared);
    assertThat(shared.used()).isPositive();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (shared.used() > 0 && System.nanoTime() < deadline) {
      System.gc();
      Thread.sleep(20);
    }
    assertThat(shared.used()).isZero();
  }

  private static void fillAndForget(SharedCacheBudget shared) {
    LazyDfa dfa = LazyDfa.compile(EXPLODING, true, LazyDfa.DEFAULT_CACHE_BYTES, shared);
    assertThat(dfa.search("xa".repeat(1_000))).isEqualTo(LazyDfa.Result.NO_MATCH);
  }
}
