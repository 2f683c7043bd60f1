package dev.vpatch.engine.operators;

import static dev.vpatch.engine.operators.OperatorTesting.matches;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContainsWordOperatorTest {
  @Test
  void needsNonLetterBoundaries() {
    assertThat(matches("containsWord", "select", "select")).isTrue();
    assertThat(matches("containsWord", "select", "select * from")).isTrue();
    assertThat(matches("containsWord", "select", "1 select")).isTrue();
    assertThat(matches("containsWord", "select", "(select)")).isTrue();
    assertThat(matches("containsWord", "select", "selection")).isFalse();
    assertThat(matches("containsWord", "select", "preselect")).isFalse();
  }

  @Test
  void onlyLettersAreWordCharacters() {
    assertThat(matches("containsWord", "select", "1select2")).isTrue();
    assertThat(matches("containsWord", "select", "_select_")).isTrue();
    assertThat(matches("containsWord", "select", "\u00e9select")).isTrue();
  }

  @Test
  void laterOccurrencesAreTried() {
    assertThat(matches("containsWord", "abc", "abcd abc")).isTrue();
    assertThat(matches("containsWord", "aa", "aaa")).isFalse();
  }

  @Test
  void emptyWordAlwaysMatchesAndEmptyInputNever() {
    assertThat(matches("containsWord", "", "")).isTrue();
    assertThat(matches("containsWord", "", "x")).isTrue();
    assertThat(matches("containsWord", "x", "")).isFalse();
  }
}
