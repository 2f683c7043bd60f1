package dev.vpatch.engine.prefilter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class LiteralPrefilterTest {
  @Test
  void findsOverlappingLiteralsIgnoringAsciiCase() {
    LiteralPrefilter.Builder b = new LiteralPrefilter.Builder();
    int he = b.add(Set.of("he"));
    int hers = b.add(Set.of("hers"));
    int sheOrX = b.add(Set.of("she", "xyz"));
    int absent = b.add(Set.of("union", "select"));
    LiteralPrefilter p = b.build();
    long[] found = p.newFoundSet();
    p.scan("uSHErs", found);
    assertThat(p.requirement(he).satisfiedBy(found)).isTrue();
    assertThat(p.requirement(hers).satisfiedBy(found)).isTrue();
    assertThat(p.requirement(sheOrX).satisfiedBy(found)).isTrue();
    assertThat(p.requirement(absent).satisfiedBy(found)).isFalse();
  }

  @Test
  void emptyValueSatisfiesNothingAndBytesAboveAsciiAreLiteral() {
    LiteralPrefilter.Builder b = new LiteralPrefilter.Builder();
    int latin = b.add(Set.of("\u00e9t\u00e9"));
    LiteralPrefilter p = b.build();
    long[] none = p.newFoundSet();
    p.scan("", none);
    assertThat(p.requirement(latin).satisfiedBy(none)).isFalse();
    long[] found = p.newFoundSet();
    p.scan("l'\u00e9t\u00e9", found);
    assertThat(p.requirement(latin).satisfiedBy(found)).isTrue();
  }

  @RepeatedTest(20)
  void agreesWithContainsOnSeededRandomInput(RepetitionInfo repetition) {
    Random random = new Random(repetition.getCurrentRepetition());
    String alphabet = "abcAB\u0000\u00ff";
    List<String> literals = List.of("ab", "ba", "aab", "c", "bb\u00ff", "\u0000a");
    LiteralPrefilter.Builder b = new LiteralPrefilter.Builder();
    int[] handles = new int[literals.size()];
    for (int i = 0; i < literals.size(); i++) handles[i] = b.add(Set.of(literals.get(i)));
    LiteralPrefilter p = b.build();
    StringBuilder input = new StringBuilder();
    for (int i = 0; i < random.nextInt(40); i++) input.append(alphabet.charAt(random.nextInt(alphabet.length())));
    String value = input.toString();
    long[] found = p.newFoundSet();
    p.scan(value, found);
    String lower = value.toLowerCase(java.util.Locale.ROOT);
    for (int i = 0; i < literals.size(); i++) {
      assertThat(p.requirement(handles[i]).satisfiedBy(found))
          .as("%s in %s", literals.get(i), value)
          .isEqualTo(lower.contains(literals.get(i)));
    }
  }

  @RepeatedTest(20)
  void aRequirementOfSeveralSetsNeedsALiteralOfEachOnSeededRandomInput(RepetitionInfo repetition) {
    Random random = new Random(500 + repetition.getCurrentRepetition());
    String alphabet = "abcdAB";
    List<Set<String>> sets = List.of(Set.of("ab", "c"), Set.of("d"), Set.of("ba", "cc", "dab"));
    LiteralPrefilter.Builder b = new LiteralPrefilter.Builder();
    int all = b.addAll(sets);
    int firstTwo = b.addAll(sets.subList(0, 2));
    LiteralPrefilter p = b.build();
    for (int n = 0; n < 200; n++) {
      StringBuilder input = new StringBuilder();
      for (int i = 0; i < random.nextInt(12); i++) input.append(alphabet.charAt(random.nextInt(alphabet.length())));
      String lower = input.toString().toLowerCase(java.util.Locale.ROOT);
      long[] found = p.foundIn(input.toString(), p.newFoundSet());
      java.util.function.Predicate<Set<String>> held = set -> set.stream().anyMatch(lower::contains);
      assertThat(p.requirement(all).satisfiedBy(found)).as(lower).isEqualTo(sets.stream().allMatch(held));
      assertThat(p.requirement(firstTwo).satisfiedBy(found)).as(lower)
          .isEqualTo(held.test(sets.get(0)) && held.test(sets.get(1)));
    }
  }

  /**
   * Many literals of one to four characters over several words of the found set (ids are given
   * shortest first, so the single characters share the first word, which a scan gathers apart):
   * every requirement agrees with contains, and every word with a bit is marked touched.
   */
  @RepeatedTest(20)
  void requirementsOverSeveralWordsAgreeWithContainsOnSeededRandomInput(RepetitionInfo repetition) {
    Random random = new Random(900 + repetition.getCurrentRepetition());
    String alphabet = "abcdxyZ\u00e9";
    List<Set<String>> requirements = new java.util.ArrayList<>();
    LiteralPrefilter.Builder b = new LiteralPrefilter.Builder();
    List<Integer> handles = new java.util.ArrayList<>();
    for (int r = 0; r < 90; r++) {
      Set<String> literals = new java.util.HashSet<>();
      for (int k = 1 + random.nextInt(4); k > 0; k--) {
        literals.add(randomText(random, alphabet, 1 + random.nextInt(4)).toLowerCase(java.util.Locale.ROOT));
      }
      requirements.add(literals);
      handles.add(b.add(literals));
    }
    LiteralPrefilter p = b.build();
    long[] scratch = p.newFoundSet();
    for (int round = 0; round < 200; round++) {
      String value = randomText(random, alphabet + "ABXY", random.nextInt(60));
      long[] found = p.newFoundSet();
      p.scan(value, found);
      // The compact set, scanned into a scratch set every round shares: each round starts empty.
      long[] compact = p.foundIn(value, scratch);
      String lower = value.toLowerCase(java.util.Locale.ROOT);
      for (int r = 0; r < requirements.size(); r++) {
        boolean expected = requirements.get(r).stream().anyMatch(lower::contains);
        assertThat(p.requirement(handles.get(r)).satisfiedBy(found))
            .as("%s in %s", requirements.get(r), value)
            .isEqualTo(expected);
        assertThat(p.requirement(handles.get(r)).satisfiedBy(compact))
            .as("compact: %s in %s", requirements.get(r), value)
            .isEqualTo(expected);
      }
      assertThat(compact.length).isLessThanOrEqualTo(found.length);
      assertThat(LiteralPrefilter.touchedWords(compact)).isEqualTo(LiteralPrefilter.touchedWords(found));
      for (int w = 0; w < found.length - 1; w++) {
        if (found[w] != 0) assertThat(LiteralPrefilter.touchedWords(found) & (1L << w)).as("word %d", w).isNotZero();
      }
    }
  }

  /**
   * More single-byte literals than the first word holds (the CRS has one per printable byte):
   * those in it are recorded per byte, the others by the automaton, both with ASCII case ignored.
   */
  @RepeatedTest(10)
  void singleByteLiteralsBeyondTheFirstWordAgreeWithContainsOnSeededRandomInput(RepetitionInfo repetition) {
    Random random = new Random(300 + repetition.getCurrentRepetition());
    List<String> literals = new java.util.ArrayList<>();
    for (char c = '!'; c <= '~'; c++) if (c < 'A' || c > 'Z') literals.add(String.valueOf(c));
    literals.add("\u00e9");
    literals.add("ab");
    LiteralPrefilter.Builder b = new LiteralPrefilter.Builder();
    int[] handles = new int[literals.size()];
    for (int i = 0; i < literals.size(); i++) handles[i] = b.add(Set.of(literals.get(i)));
    LiteralPrefilter p = b.build();
    String alphabet = "aAbBzZ09~!\u00e9\u00c9 ";
    for (int round = 0; round < 100; round++) {
      String value = randomText(random, alphabet, random.nextInt(30));
      long[] found = p.foundIn(value, p.newFoundSet());
      StringBuilder asciiLower = new StringBuilder(value);
      for (int k = 0; k < value.length(); k++) {
        char c = value.charAt(k);
        if (c >= 'A' && c <= 'Z') asciiLower.setCharAt(k, (char) (c + 32));
      }
      for (int i = 0; i < literals.size(); i++) {
        boolean expected = asciiLower.indexOf(literals.get(i)) >= 0;
        assertThat(p.requirement(handles[i]).satisfiedBy(found)).as("%s in %s", literals.get(i), value).isEqualTo(expected);
      }
    }
  }

  /**
   * A phrase search's phrases under one id: its requirement is satisfied exactly when the search
   * itself ({@link AhoCorasick}, ASCII case ignored, bytes above ASCII exact) finds a phrase, with
   * regex literals and other searches (sharing phrases) in the same automaton.
   */
  @RepeatedTest(30)
  void phraseSearchesAgreeWithTheirOwnAutomatonOnSeededRandomInput(RepetitionInfo repetition) {
    Random random = new Random(500 + repetition.getCurrentRepetition());
    // c and C appear in no regex literal: only the phrases themselves can make them one class.
    String alphabet = "abcABC/.\u0000\u00e9\u00c9";
    LiteralPrefilter.Builder b = new LiteralPrefilter.Builder();
    b.add(Set.of("ab", "\u00e9a"));
    List<List<String>> searches = new java.util.ArrayList<>();
    int[] handles = new int[6];
    for (int s = 0; s < handles.length; s++) {
      List<String> phrases = new java.util.ArrayList<>();
      for (int k = random.nextInt(5); k >= 0; k--) phrases.add(randomText(random, alphabet, random.nextInt(5)));
      if (s > 0 && random.nextBoolean()) phrases.add(searches.get(0).get(0));
      searches.add(phrases);
      handles[s] = b.addPhrases(phrases);
      b.add(Set.of(randomText(random, "ab/", 1 + random.nextInt(3)).toLowerCase(java.util.Locale.ROOT)));
    }
    LiteralPrefilter p = b.build();
    for (int n = 0; n < 200; n++) {
      String value = randomText(random, alphabet, random.nextInt(16));
      long[] found = p.newFoundSet();
      p.scan(value, found);
      for (int s = 0; s < handles.length; s++) {
        assertThat(p.requirement(handles[s]).satisfiedBy(found))
            .as("%s in %s", searches.get(s), value)
            .isEqualTo(dev.vpatch.engine.operators.ahocorasick.AhoCorasick.caseInsensitive(searches.get(s)).containsAny(value));
      }
    }
  }

  /**
   * More states than a char numbers (the table then holds ints): requirements still agree with
   * contains, with literals that end in the first, middle and last states and values that hold
   * several of them.
   */
  @Test
  void anAutomatonOfMoreThan65536StatesAgreesWithContains() {
    Random random = new Random(65_537);
    String alphabet = "abcdefghijklmnopqrst";
    LiteralPrefilter.Builder b = new LiteralPrefilter.Builder();
    List<String> literals = new java.util.ArrayList<>();
    List<Integer> handles = new java.util.ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      String literal = randomText(random, alphabet, 7);
      literals.add(literal);
      handles.add(b.add(Set.of(literal)));
    }
    LiteralPrefilter p = b.build();
    assertThat(p.states()).isGreaterThan(65_536);
    long[] scratch = p.newFoundSet();
    for (int round = 0; round < 300; round++) {
      StringBuilder value = new StringBuilder(randomText(random, alphabet + "XY", random.nextInt(12)));
      for (int k = random.nextInt(3); k > 0; k--) {
        value.append(literals.get(random.nextInt(literals.size()))).append(randomText(random, alphabet, 2));
      }
      long[] found = p.newFoundSet();
      p.scan(value.toString(), found);
      long[] compact = p.foundIn(value.toString(), scratch);
      String lower = value.toString().toLowerCase(java.util.Locale.ROOT);
      for (int r = 0; r < literals.size(); r += 1 + random.nextInt(7)) {
        assertThat(p.requirement(handles.get(r)).satisfiedBy(found))
            .as("%s in %s", literals.get(r), value)
            .isEqualTo(lower.contains(literals.get(r)));
        assertThat(p.requirement(handles.get(r)).satisfiedBy(compact))
            .as("compact: %s in %s", literals.get(r), value)
            .isEqualTo(lower.contains(literals.get(r)));
      }
      // Every literal the value was built from is found.
      for (int r = 0; r < literals.size(); r++) {
        if (lower.contains(literals.get(r))) assertThat(p.requirement(handles.get(r)).satisfiedBy(found)).isTrue();
      }
    }
  }

  @Test
  void valuesWithoutAnyLiteralShareOneFoundSetOfNoWordAndLeaveTheScratchEmpty() {
    LiteralPrefilter.Builder b = new LiteralPrefilter.Builder();
    int select = b.add(Set.of("select"));
    int union = b.add(Set.of("union"));
    LiteralPrefilter p = b.build();
    long[] scratch = p.newFoundSet();
    long[] none = p.foundIn("hello world", scratch);
    assertThat(none).hasSize(1);
    assertThat(p.foundIn("quick brown fox", scratch)).isSameAs(none);
    assertThat(p.requirement(select).satisfiedBy(none)).isFalse();
    long[] found = p.foundIn("1 UNION SELECT 2", scratch);
    assertThat(p.requirement(select).satisfiedBy(found)).isTrue();
    assertThat(p.requirement(union).satisfiedBy(found)).isTrue();
    assertThat(scratch).containsOnly(0L);
    assertThat(p.requirement(select).satisfiedBy(p.foundIn("union", scratch))).isFalse();
  }

  private static String randomText(Random random, String alphabet, int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    return text.toString();
  }
}
