package dev.vpatch.engine.operators.regex.dfa;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The state cache: bounded, correct across resets, and shareable between threads. The pattern
 * {@code a.{12}b} needs thousands of DFA states (one per set of recent 'a' positions), so a small
 * budget forces the cache to be dropped again and again.
 */
class LazyDfaCacheTest {
  private static final String EXPLODING = "(?s)a.{12}b";
  private static final String FRAGMENTS = "aaab b\na_xy";

  @Test
  void aTinyCacheIsResetAndAnswersStayCorrect() {
    LazyDfa dfa = LazyDfa.compile(EXPLODING, true, 8_000);
    Pattern re2 = Pattern.compile(EXPLODING);
    RandomByteStrings random = new RandomByteStrings(7);
    int decided = 0;
    for (int i = 0; i < 3_000; i++) {
      String input = random.next(FRAGMENTS) + random.next(FRAGMENTS) + random.next(FRAGMENTS);
      LazyDfa.Result result = dfa.search(input);
      if (result == LazyDfa.Result.UNDECIDED) continue;
      decided++;
      assertThat(result == LazyDfa.Result.MATCH).as(LazyDfaTest.visible(input))
          .isEqualTo(re2.matcher(input).find());
    }
    assertThat(dfa.cacheResets()).isPositive();
    assertThat(decided).isGreaterThan(2_000);
    assertThat(dfa.cachedStates()).isLessThan(8_000 / 100);
  }

  @Test
  void aSearchThatKeepsFillingTheCacheGivesUpInsteadOfThrashing() {
    LazyDfa dfa = LazyDfa.compile(EXPLODING, true, 4_000);
    StringBuilder input = new StringBuilder();
    RandomByteStrings random = new RandomByteStrings(11);
    while (input.length() < 20_000) input.append(random.next("aaxa"));
    input.append("\u0001"); // no 'b' anywhere: a match cannot end early
    String text = input.toString().replace('b', 'c');
    assertThat(dfa.search(text)).isEqualTo(LazyDfa.Result.UNDECIDED);
  }

  @Test
  void theDefaultCacheHoldsTheExplodingPatternOnLongInput() {
    LazyDfa dfa = LazyDfa.compile(EXPLODING, true);
    String input = "xa".repeat(50_000);
    assertThat(dfa.search(input)).isEqualTo(LazyDfa.Result.NO_MATCH);
    assertThat(dfa.search(input + "a".repeat(13) + "b")).isEqualTo(LazyDfa.Result.MATCH);
  }

  @Test
  void threadsSharingOneDfaAgreeWithRe2EvenWhileTheCacheResets() throws Exception {
    for (long budget : new long[] {6_000, LazyDfa.DEFAULT_CACHE_BYTES}) {
      LazyDfa dfa = LazyDfa.compile(EXPLODING, true, budget);
      Pattern re2 = Pattern.compile(EXPLODING);
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Callable<List<String>>> workers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          long seed = 100 + t;
          workers.add(() -> {
            RandomByteStrings random = new RandomByteStrings(seed);
            List<String> wrong = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
              String input = random.next(FRAGMENTS) + random.next(FRAGMENTS);
              LazyDfa.Result result = dfa.search(input);
              boolean expected = re2.matcher(input).find();
              if (result != LazyDfa.Result.UNDECIDED
                  && (result == LazyDfa.Result.MATCH) != expected) {
                wrong.add(LazyDfaTest.visible(input));
              }
            }
            return wrong;
          });
        }
        List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        for (Future<List<String>> result : pool.invokeAll(workers)) wrong.addAll(result.get());
        assertThat(wrong).as("budget %d", budget).isEmpty();
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
