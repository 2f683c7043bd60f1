package dev.vpatch.engine.operators.regex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class RequiredLiteralsTest {
  private static Set<String> literals(String pcre) {
    return PcrePattern.compile(pcre).requiredLiterals();
  }

  @Test
  void plainTextIsRequiredWhole() {
    assertThat(literals("union select")).containsExactly("union select");
    assertThat(literals("(?i)UNION")).containsExactly("union");
    assertThat(literals("a\\.b\\x41")).containsExactly("a.ba");
  }

  @Test
  void alternativesGiveOneLiteralEach() {
    assertThat(literals("cat|dog")).containsExactlyInAnyOrder("cat", "dog");
    assertThat(literals("(?:/etc/passwd|/etc/shadow)"))
        .containsExactlyInAnyOrder("/etc/passwd", "/etc/shadow");
    assertThat(literals("ab(?:c|d)ef")).containsExactlyInAnyOrder("abcef", "abdef");
  }

  @Test
  void smallClassesExpandAndLargeOnesSplitTheLiteral() {
    assertThat(literals("[Aa]dmin")).containsExactly("admin");
    assertThat(literals("x[12]y")).containsExactlyInAnyOrder("x1y", "x2y");
    // \s+ is a small class repeated: every match holds "select" and one white-space byte.
    assertThat(literals("select\\s+from"))
        .containsExactlyInAnyOrder("select\t", "select\n", "select\u000b", "select\f", "select\r", "select ");
    assertThat(literals("ab[^c]defg")).containsExactly("defg");
    // 941120's separators before an event handler: 25 bytes, each a literal of its own.
    assertThat(literals("[\\s\"'`;/0-9=\\x0B\\x09\\x0C\\x3B\\x2C\\x28\\x2B]on"))
        .hasSize(25).contains("(on", " on", "9on").doesNotContain("on");
    assertThat(literals("[0-9_a-z]on")).containsExactly("on");
  }

  @Test
  void optionalPartsAreNotRequired() {
    assertThat(literals("abc(?:def)?")).containsExactly("abc");
    assertThat(literals("(?:abc)*x")).containsExactly("x");
    assertThat(literals("(?:abc)+")).containsExactly("abc");
    assertThat(literals("(?:ab){2,3}")).containsExactly("abab");
    assertThat(literals("a?")).isEmpty();
  }

  @Test
  void repetitionsCarryTheirCopiesIntoTheSurroundingLiterals() {
    assertThat(literals("(?:^|[/;\\x5c])\\.{2,3}[/;\\x5c]")).containsExactlyInAnyOrder("../", "..;", "..\\");
    assertThat(literals("x{3}y")).containsExactly("xxxy");
    assertThat(literals("ab+c")).isIn(Set.of("ab"), Set.of("bc"));
    assertThat(literals("(?:ab|cd)+ef")).containsExactlyInAnyOrder("abef", "cdef");
    assertThat(literals("a(?:b\\d+c)+d")).containsExactly("ab");
  }

  @Test
  void anchorsAndBoundariesDoNotBreakLiterals() {
    assertThat(literals("^abc$")).containsExactly("abc");
    assertThat(literals("\\bon\\w+=")).containsExactly("on");
  }

  @Test
  void unknownWhenABranchHasNoLiteral() {
    assertThat(literals("abc|\\d+")).isEmpty();
    assertThat(literals("(?:|abc)")).isEmpty();
    assertThat(literals(".*")).isEmpty();
    assertThat(literals("")).isEmpty();
  }

  @Test
  void aLiteralHoldingAnotherAddsNothing() {
    assertThat(literals("(?:x?load_file|load_file\\()")).containsExactly("load_file");
    assertThat(literals("cat|concat|dog")).containsExactlyInAnyOrder("cat", "dog");
  }

  @Test
  void aLargeAlternationKeepsAFilterOfShortenedLiterals() {
    // 100 alternatives (more than are kept whole) in ten families: shortened no further than to
    // the families' prefixes, which every member holds.
    StringBuilder pattern = new StringBuilder("(?:");
    for (int family = 0; family < 10; family++) {
      for (int member = 0; member < 10; member++) {
        if (pattern.length() > 3) pattern.append('|');
        pattern.append("family").append((char) ('a' + family)).append("_member").append(member);
      }
    }
    Set<String> required = literals(pattern.append(")\\(").toString());
    assertThat(required).hasSizeLessThanOrEqualTo(64)
        .allSatisfy(literal -> assertThat(literal).matches("family[a-j]_member[0-9]?(\\()?"));
    for (char family = 'a'; family <= 'j'; family++) {
      String member = "family" + family + "_member7(";
      assertThat(required).anyMatch(member::contains);
    }
  }

  @Test
  void alternativesTooManyEvenWhenShortenedGiveNoFilter() {
    // 26 x 26 two-letter words: no prefix of three bytes or more brings them under the limit.
    StringBuilder pattern = new StringBuilder("(?:");
    for (char a = 'a'; a <= 'z'; a++) {
      for (char b = 'a'; b <= 'z'; b++) {
        if (pattern.length() > 3) pattern.append('|');
        pattern.append(a).append(b).append('!');
      }
    }
    assertThat(literals(pattern.append(')').toString())).isEmpty();
  }

  @Test
  void fallbackPatternsAreNotAnalysed() {
    assertThat(literals("foo(?=bar)")).isEmpty();
  }

  @Test
  void aWeakSetIsJoinedByTheRarerSetsOfThePatternsOtherParts() {
    // 941210's shape: "javascript" letter by letter, each also written as an entity. Four sets
    // at most: the common "a" is left out.
    List<Set<String>> sets = PcrePattern.compile("(?i)(?:j|&#74;)\\s*(?:a|&#65;)\\s*(?:v|&#86;)\\s*(?:s|&#83;)\\s*(?::|&colon;)")
        .requiredLiteralSets();
    assertThat(sets.get(0)).containsExactlyInAnyOrder("j", "&#74;");
    assertThat(sets).contains(Set.of("v", "&#86;"), Set.of(":", "&colon;"))
        .doesNotContain(Set.of("a", "&#65;"))
        .hasSize(4);
  }

  @Test
  void aStrongSetStandsAlone() {
    assertThat(PcrePattern.compile("union\\s+select").requiredLiteralSets()).hasSize(1);
    assertThat(PcrePattern.compile("a.*b").requiredLiteralSets()).hasSize(2);
    assertThat(PcrePattern.compile("a*").requiredLiteralSets()).isEmpty();
  }

  @Test
  void highBytesAreKept() {
    assertThat(literals("(?i)caf\\xc3\\xa9")).containsExactly("caf\u00c3\u00a9");
  }

  /**
   * Soundness on random patterns (literals, small classes, groups, alternations, every kind of
   * repetition, anchors) and random input over the same few bytes: whenever a pattern matches,
   * the input holds one of its literals. A wrong literal would let the prefilter skip a match.
   */
  @RepeatedTest(40)
  void everyMatchOfARandomPatternContainsARequiredLiteral(RepetitionInfo repetition) {
    Random random = new Random(1_000_003L * repetition.getCurrentRepetition());
    int checkedMatches = 0;
    for (int p = 0; p < 25; p++) {
      String pattern = randomPattern(random, 3);
      PcrePattern compiled = PcrePattern.compile(pattern);
      List<Set<String>> required = compiled.requiredLiteralSets();
      if (required.isEmpty()) continue;
      assertThat(required.get(0)).isEqualTo(compiled.requiredLiterals());
      for (int i = 0; i < 300; i++) {
        if (matchHoldsARequiredLiteral(compiled, pattern, required, randomInput(random))) checkedMatches++;
      }
    }
    assertThat(checkedMatches).isPositive();
  }

  /**
   * Soundness of shortened filters: alternations of many random words (more than are kept whole,
   * grown from a few stems so that shortening finds a filter) followed by random text; whenever
   * one matches, the input holds one of the literals.
   */
  @RepeatedTest(20)
  void everyMatchOfALargeRandomAlternationContainsARequiredLiteral(RepetitionInfo repetition) {
    Random random = new Random(7_000_003L * repetition.getCurrentRepetition());
    String alphabet = "abcdeXY_.";
    String[] stems = new String[3 + random.nextInt(20)];
    for (int i = 0; i < stems.length; i++) stems[i] = randomWord(random, alphabet, 3 + random.nextInt(4));
    String[] words = new String[70 + random.nextInt(200)];
    for (int i = 0; i < words.length; i++) {
      words[i] = stems[random.nextInt(stems.length)] + randomWord(random, alphabet, random.nextInt(6));
    }
    StringBuilder pattern = new StringBuilder("(?i)(?:");
    for (int i = 0; i < words.length; i++) {
      if (i > 0) pattern.append('|');
      pattern.append(words[i].replace(".", "\\.")).append(random.nextBoolean() ? "\\s" : "");
    }
    PcrePattern compiled = PcrePattern.compile(pattern.append(')').toString());
    List<Set<String>> required = compiled.requiredLiteralSets();
    assertThat(required).isNotEmpty();
    assertThat(required.get(0)).hasSizeLessThanOrEqualTo(64);
    int checkedMatches = 0;
    for (int i = 0; i < 500; i++) {
      String input = randomInput(random) + words[random.nextInt(words.length)] + randomInput(random);
      if (matchHoldsARequiredLiteral(compiled, pattern, required, input)) checkedMatches++;
    }
    assertThat(checkedMatches).isPositive();
  }

  /**
   * Whether the pattern matches {@code input}; when it does, asserts it holds a literal of each
   * required set.
   */
  private static boolean matchHoldsARequiredLiteral(
      PcrePattern compiled, CharSequence pattern, List<Set<String>> required, String input) {
    if (!compiled.find(input)) return false;
    String folded = AsciiCase.lower(input);
    for (Set<String> set : required) {
      assertThat(set.stream().anyMatch(folded::contains))
          .as("/%s/ requires one of %s, matched %s", pattern, set, input)
          .isTrue();
    }
    return true;
  }

  private static String randomWord(Random random, String alphabet, int length) {
    StringBuilder word = new StringBuilder();
    for (int k = 0; k < length; k++) word.append(alphabet.charAt(random.nextInt(alphabet.length())));
    return word.toString();
  }

  private static String randomPattern(Random random, int depth) {
    StringBuilder pattern = new StringBuilder();
    int items = 1 + random.nextInt(4);
    for (int i = 0; i < items; i++) {
      int kind = random.nextInt(depth > 0 ? 7 : 4);
      switch (kind) {
        case 0, 1 -> pattern.append("abAB.-".charAt(random.nextInt(6)) == '.' ? "\\." : String.valueOf("abAB-c".charAt(random.nextInt(6))));
        case 2 -> pattern.append(random.nextBoolean() ? "[ab]" : "[^a]");
        case 3 -> pattern.append(random.nextBoolean() ? "^" : "\\s");
        case 4 -> pattern.append("(?:").append(randomPattern(random, depth - 1)).append('|')
            .append(randomPattern(random, depth - 1)).append(')');
        default -> pattern.append("(?:").append(randomPattern(random, depth - 1)).append(')');
      }
      if (random.nextInt(3) == 0) {
        String[] repeats = {"*", "+", "?", "{2}", "{2,3}", "{1,}", "{3,}", "{0,2}", "+?", "{1}"};
        pattern.append(repeats[random.nextInt(repeats.length)]);
      }
    }
    return pattern.toString();
  }

  private static String randomInput(Random random) {
    return randomWord(random, "aAbB.-c \n", random.nextInt(14));
  }
}
