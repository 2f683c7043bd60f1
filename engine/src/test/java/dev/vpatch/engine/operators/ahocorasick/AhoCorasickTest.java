package dev.vpatch.engine.operators.ahocorasick;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AhoCorasickTest {
  @Test
  void findsAnyPhraseIgnoringAsciiCase() {
    AhoCorasick automaton = AhoCorasick.caseInsensitive(List.of("select", "union", "sleep("));
    assertThat(automaton.firstMatch("1 UNION all")).isEqualTo("union");
    assertThat(automaton.firstMatch("SeLeCt")).isEqualTo("select");
    assertThat(automaton.firstMatch("sleep (")).isNull();
    assertThat(automaton.firstMatch("")).isNull();
  }

  @Test
  void caseFoldingIsAsciiOnly() {
    AhoCorasick automaton = AhoCorasick.caseInsensitive(List.of("\u00e9t\u00e9"));
    assertThat(automaton.containsAny("\u00e9T\u00e9")).isTrue();
    assertThat(automaton.containsAny("\u00c9T\u00c9")).isFalse();
  }

  @Test
  void caseSensitiveVariantComparesExactly() {
    AhoCorasick automaton = AhoCorasick.caseSensitive(List.of("Admin"));
    assertThat(automaton.containsAny("xAdminx")).isTrue();
    assertThat(automaton.containsAny("admin")).isFalse();
  }

  @Test
  void reportsThePhraseEndingFirstAndTheLongestOfThose() {
    AhoCorasick automaton = AhoCorasick.caseInsensitive(List.of("bcd", "abcd", "cde", "x"));
    assertThat(automaton.firstMatch("zabcdex")).isEqualTo("abcd");
    assertThat(automaton.firstMatch("zbcdex")).isEqualTo("bcd");
    assertThat(automaton.firstMatch("cdex")).isEqualTo("cde");
  }

  @Test
  void findsPhrasesThatAreSuffixesOfOtherPaths() {
    AhoCorasick automaton = AhoCorasick.caseInsensitive(List.of("abcx", "bc"));
    assertThat(automaton.firstMatch("abcy")).isEqualTo("bc");
    AhoCorasick nested = AhoCorasick.caseInsensitive(List.of("he", "she", "his", "hers"));
    assertThat(nested.firstMatch("ushers")).isEqualTo("she");
  }

  @Test
  void handlesNulHighBytesAndEmptyPhrases() {
    AhoCorasick automaton = AhoCorasick.caseInsensitive(List.of("", "a\u0000b", "\u00ff\u00fe"));
    assertThat(automaton.containsAny("xa\u0000by")).isTrue();
    assertThat(automaton.containsAny("\u00ff\u00fe")).isTrue();
    assertThat(automaton.containsAny("ab")).isFalse();
    assertThat(AhoCorasick.caseInsensitive(List.of()).containsAny("anything")).isFalse();
  }

  @Test
  void anInputAsLongAsTheShortestPhraseIsStillScanned() {
    AhoCorasick automaton = AhoCorasick.caseInsensitive(List.of("passwd", "etc/", ""));
    assertThat(automaton.containsAny("etc")).isFalse();
    assertThat(automaton.containsAny("ETC/")).isTrue();
    assertThat(automaton.containsAny("")).isFalse();
  }

  @Test
  void agreesWithNaiveSearchOnRandomPhrasesAndInputs() {
    Random random = new Random(1234);
    String alphabet = "abAB\u0000\u00ff";
    for (int round = 0; round < 300; round++) {
      List<String> phrases = new ArrayList<>();
      for (int p = random.nextInt(6) + 1; p > 0; p--) {
        phrases.add(randomText(random, alphabet, 1 + random.nextInt(4)));
      }
      AhoCorasick automaton = AhoCorasick.caseInsensitive(phrases);
      for (int n = 0; n < 30; n++) {
        String input = randomText(random, alphabet, random.nextInt(12));
        assertThat(automaton.firstMatch(input)).as("%s in %s", phrases, input)
            .isEqualTo(naiveFirst(phrases, input));
      }
    }
  }

  @Test
  void ownersAreTheMembersWhosePhrasesTheInputContainsSuffixesIncluded() {
    // "cd" ends inside "abcd" (a suffix reached by a failure link); "AB" shares its state with "ab".
    AhoCorasick automaton =
        AhoCorasick.caseInsensitiveWithOwners(List.of("abcd", "cd", "ab", "AB", "zz"), new long[] {1, 2, 4, 8, 16});
    assertThat(automaton.ownersIn("xxABCDxx")).isEqualTo(1 | 2 | 4 | 8);
    assertThat(automaton.ownersIn("xcdx")).isEqualTo(2);
    assertThat(automaton.ownersIn("zZ")).isEqualTo(16);
    assertThat(automaton.ownersIn("")).isZero();
  }

  /** Each member's bit is set exactly when the member's own automaton finds a phrase. */
  @Test
  void ownersAgreeWithEachMembersOwnSearchOnRandomPhraseSetsAndInputs() {
    Random random = new Random(2026);
    String alphabet = "abcAB\u0000\u00ff";
    int found = 0;
    for (int round = 0; round < 300; round++) {
      int memberCount = 1 + random.nextInt(8);
      List<List<String>> members = new ArrayList<>();
      List<String> all = new ArrayList<>();
      List<Long> owners = new ArrayList<>();
      for (int m = 0; m < memberCount; m++) {
        List<String> phrases = new ArrayList<>();
        for (int p = random.nextInt(4) + 1; p > 0; p--) {
          String phrase = randomText(random, alphabet, 1 + random.nextInt(4));
          phrases.add(phrase);
          all.add(phrase);
          owners.add(1L << m);
        }
        members.add(phrases);
      }
      AhoCorasick group =
          AhoCorasick.caseInsensitiveWithOwners(all, owners.stream().mapToLong(Long::longValue).toArray());
      for (int n = 0; n < 30; n++) {
        String input = randomText(random, alphabet, random.nextInt(14));
        long expected = 0;
        for (int m = 0; m < memberCount; m++) {
          if (AhoCorasick.caseInsensitive(members.get(m)).containsAny(input)) expected |= 1L << m;
        }
        assertThat(group.ownersIn(input)).as("%s in %s", members, input).isEqualTo(expected);
        if (expected != 0) found++;
      }
    }
    assertThat(found).isGreaterThan(1_000);
  }

  @Test
  void automataWithMoreStatesThanACharCanNumberStillMatch() {
    Random random = new Random(77);
    List<String> phrases = new ArrayList<>();
    for (int p = 0; p < 2_400; p++) phrases.add(randomText(random, "abcdefghijklmnopqrstuvwxyz", 30));
    AhoCorasick automaton = AhoCorasick.caseInsensitive(phrases);
    assertThat(automaton.stateCount()).isGreaterThan(Character.MAX_VALUE + 1);
    String last = phrases.get(phrases.size() - 1);
    assertThat(automaton.firstMatch("--" + last.toUpperCase(Locale.ROOT) + "--")).isEqualTo(last);
    assertThat(automaton.firstMatch("-".repeat(100))).isNull();
  }

  private static String naiveFirst(List<String> phrases, String input) {
    String lower = input.toLowerCase(Locale.ROOT);
    String best = null;
    int bestEnd = Integer.MAX_VALUE;
    for (String phrase : phrases) {
      int at = lower.indexOf(asciiLower(phrase));
      if (at < 0) continue;
      int end = at + phrase.length();
      if (end < bestEnd || (end == bestEnd && phrase.length() > best.length())) {
        best = phrase;
        bestEnd = end;
      }
    }
    return best;
  }

  private static String asciiLower(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) out.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
    return out.toString();
  }

  private static String randomText(Random random, String alphabet, int length) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    return out.toString();
  }
}
