package dev.vpatch.engine.variables;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountTextTest {
  @Test
  void everyCountReadsAsItsDecimalTextAndSmallOnesAreShared() {
    for (int count : new int[] {0, 1, 9, 10, 1023, 1024, 99_999, Integer.MAX_VALUE, -1}) {
      assertThat(CountText.of(count)).isEqualTo(Integer.toString(count));
    }
    assertThat(CountText.of(7)).isSameAs(CountText.of(7));
  }
}
