package dev.vpatch.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class SizeHintTest {
  @Test
  void expectsNothingUntilATransactionNotedASize() {
    assertThat(new SizeHint(100).expected()).isZero();
  }

  @Test
  void theFirstSizeNotedIsExpectedWithHeadroom() {
    SizeHint hint = new SizeHint(1000);
    hint.note(80);
    assertThat(hint.expected()).isEqualTo(100);
  }

  @Test
  void steadySizesAreExpectedWithHeadroomAndNotOutgrown() {
    SizeHint hint = new SizeHint(1000);
    for (int i = 0; i < 100; i++) hint.note(61 + i % 5);
    assertThat(hint.expected()).isBetween(65, 90);
  }

  @Test
  void oneLargeTransactionAmongSmallOnesDoesNotSizeEveryLaterOneForIt() {
    SizeHint hint = new SizeHint(10_000);
    for (int i = 0; i < 50; i++) hint.note(90);
    hint.note(5_000);
    for (int i = 0; i < 50; i++) hint.note(90);
    assertThat(hint.expected()).isLessThan(200);
  }

  @Test
  void neverExpectsMoreThanItsCap() {
    SizeHint hint = new SizeHint(512);
    hint.note(100_000);
    assertThat(hint.expected()).isEqualTo(512);
    hint.note(Integer.MAX_VALUE);
    assertThat(hint.expected()).isEqualTo(512);
  }

  @RepeatedTest(20)
  void theExpectationStaysWithinTheRangeOfTheSizesNoted(RepetitionInfo repetition) {
    Random random = new Random(repetition.getCurrentRepetition() * 7919L);
    SizeHint hint = new SizeHint(4096);
    int low = 1 + random.nextInt(500);
    int high = low + random.nextInt(3000);
    for (int i = 0; i < 200; i++) {
      hint.note(low + random.nextInt(high - low + 1));
      assertThat(hint.expected()).isBetween(low, Math.min(4096, high + high / 4));
    }
  }
}
