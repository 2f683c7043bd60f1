package dev.vpatch.engine.operators.regex;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Matcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** Captures kept per pattern for short inputs: the same answers as a fresh RE2/J search. */
class RecentMatchesTest {
  /** CRS 920440 and 920420, and patterns with several and optional groups. */
  private static final String[] PCRE = {
    "\\.([^.]+)$", "^[^;\\s]+", "(a+)(b)?c", "^(\\w+)=(\\d*)$", "(?i)(x)|(y)",
  };

  private static List<String> pool(Random random) {
    String alphabet = "abcxyXY.;=0123 \n\u00ff";
    List<String> pool = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      StringBuilder s = new StringBuilder();
      int length = random.nextInt(5) == 0 ? 100 + random.nextInt(60) : random.nextInt(14);
      for (int k = 0; k < length; k++) s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      pool.add(s.toString());
    }
    pool.add("account.php");
    pool.add("application/x-www-form-urlencoded");
    pool.add("a.b\n");
    return pool;
  }

  private static void assertSameAsRe2(String source, RegexMatch match, com.google.re2j.Pattern reference, String value) {
    Matcher expected = reference.matcher(value);
    if (!expected.find()) {
      assertThat(match).as("%s on %s", source, value).isNull();
      return;
    }
    assertThat(match).as("%s on %s", source, value).isNotNull();
    assertThat(match.start()).as("%s on %s", source, value).isEqualTo(expected.start());
    assertThat(match.end()).as("%s on %s", source, value).isEqualTo(expected.end());
    assertThat(match.groups()).hasSize(expected.groupCount() + 1);
    for (int g = 0; g <= expected.groupCount(); g++) {
      assertThat(match.group(g)).as("%s on %s group %d", source, value, g).isEqualTo(expected.group(g));
    }
  }

  @RepeatedTest(20)
  void repeatedCapturesAgreeWithRe2WhetherKeptOrNot(RepetitionInfo repetition) {
    Random random = new Random(7_000 + repetition.getCurrentRepetition());
    List<String> pool = pool(random);
    for (String source : PCRE) {
      Re2Pattern pattern = (Re2Pattern) PcrePattern.compile(source);
      com.google.re2j.Pattern reference = com.google.re2j.Pattern.compile(pattern.translated());
      for (int i = 0; i < 400; i++) {
        // A fresh copy each time, as a transaction computes its values afresh.
        String value = new String(pool.get(random.nextInt(pool.size())));
        assertSameAsRe2(source, pattern.find(value, 0), reference, value);
      }
    }
  }

  @Test
  void aShortInputsCaptureIsServedFromTheKeptAnswer() {
    PcrePattern pattern = PcrePattern.compile("\\.([^.]+)$");

    RegexMatch first = pattern.find("account.php", 0);
    RegexMatch second = pattern.find(new String("account.php"), 0);

    assertThat(first.group(1)).isEqualTo("php");
    assertThat(second).isSameAs(first);
  }

  @Test
  void longInputsAndInputsEndingInANewlineAreNotKept() {
    PcrePattern pattern = PcrePattern.compile("\\.([^.]+)$");
    String longInput = "x".repeat(RecentMatches.MAX_INPUT) + ".php";

    assertThat(pattern.find(longInput, 0)).isNotSameAs(pattern.find(longInput, 0));
    assertThat(RecentMatches.keeps("a.php\n")).isFalse();
    assertThat(RecentMatches.keeps("a.php")).isTrue();
    assertThat(RecentMatches.keeps("")).isTrue();
  }

  @Test
  void aNoMatchIsKeptAndAnotherInputInTheSameSlotReplacesIt() {
    RecentMatches recent = new RecentMatches();
    assertThat(recent.find("abc")).isSameAs(RecentMatches.UNKNOWN);

    recent.keep("abc", null);
    assertThat(recent.find("abc")).isNull();
    assertThat(recent.find("abd")).isSameAs(RecentMatches.UNKNOWN);

    // Every input lands in one of a few slots: keeping many replaces the first.
    RegexMatch match = new RegexMatch(0, 1, new String[] {"x"});
    for (int i = 0; i < 1_000; i++) recent.keep("other" + i, match);
    assertThat(recent.find("abc")).isSameAs(RecentMatches.UNKNOWN);
  }

  @Test
  void transactionsRacingOnOnePatternAllGetRe2sAnswers() throws Exception {
    Re2Pattern pattern = (Re2Pattern) PcrePattern.compile("^(\\w+)=(\\d*)$");
    com.google.re2j.Pattern reference = com.google.re2j.Pattern.compile(pattern.translated());
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        long seed = 90 + t;
        runs.add(threads.submit(() -> {
          Random random = new Random(seed);
          for (int i = 0; i < 20_000; i++) {
            String value = "k" + random.nextInt(40) + "=" + (random.nextBoolean() ? random.nextInt(99) : "x");
            assertSameAsRe2("^(\\w+)=(\\d*)$", pattern.find(value, 0), reference, value);
          }
        }));
      }
      for (Future<?> run : runs) run.get();
    } finally {
      threads.shutdownNow();
    }
  }
}
