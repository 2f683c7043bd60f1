package dev.vpatch.engine.operators.regex.dfa;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The DFA against RE2/J on small patterns and every string up to four bytes over an alphabet that
 * exercises the assertions: word and non-word bytes, newline, a Latin-1 letter, NUL.
 */
class LazyDfaTest {
  private static final String ALPHABET = "ab_ \n\u00e9\u0000";
  private static final int MAX_LENGTH = 4;

  private static final List<String> ASSERTION_PATTERNS = List.of(
      "^", "$", "^$", "(?m)^", "(?m)$", "(?m)^$", "(?m)^a", "(?m)a$", "(?-m)^a", "(?-m)a$",
      "(?m)^\\n", "(?m)\\n$", "(?m)^\\z", "(?m:^)a", "a(?m:$)", "\\Aa", "a\\z", "\\A\\z",
      "(?:^|\\n)a", "\\b", "\\B", "\\ba", "a\\b", "\\Ba", "a\\B", "\\b_\\b", "\\B \\B",
      "\\b\\x{e9}", "\\x{e9}\\b", "(?:\\b|\\A)b", "a\\b\\z", "(?m)\\b$", "(?m)^\\B");

  private static final List<String> SYNTAX_PATTERNS = List.of(
      "a", "ab", "a|b", "a|", "(?:)", "x*", "a*", "a+b", "a?b", "a{2}", "a{2,3}", "a{2,}",
      "(?:a|_){2,}", "(a*)*b", "(?:a*|b)+\\n", "(?U)a+?b", "a*?", "(?s)a.b", "a.b", "(?-s).",
      "(?s:.)\\n", "[^a\\n]", "[a-b_]", "[\\x{0}-\\x{10ffff}]", "[^\\x00-\\x{10ffff}]",
      "\\x{100}", "[\\x{100}-\\x{200}]", "\\w\\W", "\\s", "\\S\\S", "\\d", "[\\d\\s]",
      "(?i)AB", "(?i)a(?-i)b", "(?i:a)b", "(?i)\\x{c9}", "(?i)[\\x{c0}-\\x{d0}]",
      "(?i)[^A]", "\\x00", "\\x{0}+", "\\-\\.\\ \\_", "(?P<name>a)b", "((a)|(b))+\\z",
      "(?:(?:a|b){1,3}_){2}", "(?is)A.B", "(?sm)(?i)^a",
      "a(?i)b|B", "(?:a(?i)b|A)B", "(?i:a|(?-i)b)A", "(?:\\b|a){0,3}b", "(?:^|_)*a$");

  @Test
  void assertionsDecideLikeRe2AtStartEndAndAroundNewlinesAndWords() {
    assertThat(disagreements(ASSERTION_PATTERNS)).isEmpty();
  }

  @Test
  void syntaxSubsetDecidesLikeRe2() {
    assertThat(disagreements(SYNTAX_PATTERNS)).isEmpty();
  }

  @Test
  void minimumLengthCountsTheBytesAMatchConsumesNotItsAssertions() {
    assertThat(LazyDfa.compile("abc|de", true).minimumLength()).isEqualTo(2);
    assertThat(LazyDfa.compile("a{3,}", true).minimumLength()).isEqualTo(3);
    assertThat(LazyDfa.compile("(?:ab){2,5}c?", true).minimumLength()).isEqualTo(4);
    assertThat(LazyDfa.compile("(?:x|)y", true).minimumLength()).isEqualTo(1);
    assertThat(LazyDfa.compile("\\bfoo\\b", true).minimumLength()).isEqualTo(3);
    assertThat(LazyDfa.compile("(?m)^$", true).minimumLength()).isZero();
    assertThat(LazyDfa.compile("a*", true).minimumLength()).isZero();
    assertThat(LazyDfa.compile("(?:a{1000}){1000}", true)).isNull(); // too big: never computed
  }

  @Test
  void noInputShorterThanTheMinimumLengthMatchesInRe2() {
    // Inputs below the minimum are answered without a search, so this is what keeps them right.
    List<String> patterns = new ArrayList<>(SYNTAX_PATTERNS);
    patterns.addAll(ASSERTION_PATTERNS);
    for (String pattern : patterns) {
      Pattern re2 = Pattern.compile(pattern);
      int minimum = LazyDfa.compile(pattern, true).minimumLength();
      for (String input : allStrings()) {
        if (input.length() < minimum) {
          assertThat(re2.matcher(input).find()).as("%s on %s", pattern, visible(input)).isFalse();
        }
      }
    }
  }

  @Test
  void emptyInputIsSearchedToo() {
    assertThat(LazyDfa.compile("^$", true).search("")).isEqualTo(LazyDfa.Result.MATCH);
    assertThat(LazyDfa.compile("\\b", true).search("")).isEqualTo(LazyDfa.Result.NO_MATCH);
    assertThat(LazyDfa.compile("\\B", true).search("")).isEqualTo(LazyDfa.Result.MATCH);
    assertThat(LazyDfa.compile("a", true).search("")).isEqualTo(LazyDfa.Result.NO_MATCH);
  }

  @Test
  void pcreCaretDoesNotMatchAfterTheNewlineThatEndsTheText() {
    LazyDfa pcre = LazyDfa.compile("(?m)^\\z", false);
    LazyDfa re2 = LazyDfa.compile("(?m)^\\z", true);
    assertThat(pcre.search("a\n")).isEqualTo(LazyDfa.Result.NO_MATCH);
    assertThat(re2.search("a\n")).isEqualTo(LazyDfa.Result.MATCH);
    assertThat(pcre.search("")).isEqualTo(LazyDfa.Result.MATCH);
    assertThat(LazyDfa.compile("(?m)^a", false).search("\na")).isEqualTo(LazyDfa.Result.MATCH);
    assertThat(LazyDfa.compile("(?m)\\n^", false).search("\n\n")).isEqualTo(LazyDfa.Result.MATCH);
    assertThat(LazyDfa.compile("(?m)\\n^", false).search("a\n")).isEqualTo(LazyDfa.Result.NO_MATCH);
  }

  @Test
  void pcreCaretDecidesLikeJavaRegexWhichSharesPcresRule() {
    List<String> patterns =
        List.of("(?m)^", "(?m)^a", "(?m)^$", "(?m)^\\z", "(?m)a\\n^", "(?m)(?:^|b)\\z", "(?m)\\n^\\n");
    List<String> disagreements = new ArrayList<>();
    for (String pattern : patterns) {
      LazyDfa dfa = LazyDfa.compile(pattern, false);
      java.util.regex.Pattern backtracker =
          java.util.regex.Pattern.compile(pattern, java.util.regex.Pattern.UNIX_LINES);
      for (String input : allStrings()) {
        if (input.isEmpty()) continue; // Java's ^ alone misses the empty text; PCRE's does not
        LazyDfa.Result expected =
            backtracker.matcher(input).find() ? LazyDfa.Result.MATCH : LazyDfa.Result.NO_MATCH;
        if (dfa.search(input) != expected && disagreements.size() < 20) {
          disagreements.add(pattern + " on " + visible(input) + ": expected " + expected);
        }
      }
    }
    assertThat(disagreements).isEmpty();
  }

  @Test
  void caseFoldingOfEveryByteMatchesRe2() {
    List<String> disagreements = new ArrayList<>();
    for (int literal = 0; literal < 256; literal++) {
      String pattern = "(?i)\\x{" + Integer.toHexString(literal) + "}";
      Pattern re2 = Pattern.compile(pattern);
      LazyDfa dfa = LazyDfa.compile(pattern, true);
      for (int input = 0; input < 256; input++) {
        String text = String.valueOf((char) input);
        boolean expected = re2.matcher(text).find();
        if ((dfa.search(text) == LazyDfa.Result.MATCH) != expected) {
          disagreements.add(pattern + " on " + visible(text));
        }
      }
    }
    assertThat(disagreements).isEmpty();
  }

  @Test
  void caseFoldingOfCodePointsAboveOneByteMatchesRe2() {
    List<String> disagreements = new ArrayList<>();
    String everyByte = everyByte();
    for (int literal = 0x100; literal < 0x3000; literal++) {
      // RE2/J 1.8 never returns from compiling these (Cyrillic Extended-C, U+1C80..U+1C88).
      if (literal >= 0x1c80 && literal <= 0x1c88) continue;
      String pattern = "(?i)\\x{" + Integer.toHexString(literal) + "}";
      compareOnEveryByte(pattern, everyByte, disagreements);
    }
    for (String pattern : List.of("(?i)[\\x{100}-\\x{1c7f}]", "(?i)[^\\x{100}-\\x{1000}]",
        "(?i)[\\x{1c89}-\\x{2200}]", "(?i)[\\x{212a}\\x{17f}]", "(?i)[\\x{100}-\\x{17f}]",
        "[\\x{100}-\\x{10ffff}]")) {
      compareOnEveryByte(pattern, everyByte, disagreements);
    }
    assertThat(disagreements).isEmpty();
  }

  /** RE2/J's matches found in one scan over all 256 bytes, against one DFA search per byte. */
  private static void compareOnEveryByte(String pattern, String everyByte, List<String> disagreements) {
    com.google.re2j.Matcher matcher = Pattern.compile(pattern).matcher(everyByte);
    boolean[] expected = new boolean[256];
    while (matcher.find()) expected[matcher.start()] = true;
    LazyDfa dfa = LazyDfa.compile(pattern, true);
    for (int b = 0; b < 256; b++) {
      boolean actual = dfa.search(String.valueOf((char) b)) == LazyDfa.Result.MATCH;
      if (actual != expected[b] && disagreements.size() < 20) {
        disagreements.add(pattern + " on " + visible(String.valueOf((char) b)) + ": expected " + expected[b]);
      }
    }
  }

  private static String everyByte() {
    StringBuilder all = new StringBuilder();
    for (int b = 0; b < 256; b++) all.append((char) b);
    return all.toString();
  }

  @Test
  void caseFoldedClassesMatchRe2OnEveryByte() {
    List<String> disagreements = new ArrayList<>();
    for (String pattern : List.of("(?i)[a-f]", "(?i)[^k]", "(?i)[\\x{c0}-\\x{df}]",
        "(?i)[^\\x{e0}-\\x{ff}]", "(?i)\\W", "(?i)[\\W\\d]", "(?i)[^\\t \\x{a0}]", "(?i).")) {
      Pattern re2 = Pattern.compile(pattern);
      LazyDfa dfa = LazyDfa.compile(pattern, true);
      for (int input = 0; input < 256; input++) {
        String text = String.valueOf((char) input);
        if ((dfa.search(text) == LazyDfa.Result.MATCH) != re2.matcher(text).find()) {
          disagreements.add(pattern + " on " + visible(text));
        }
      }
    }
    assertThat(disagreements).isEmpty();
  }

  @Test
  void charsAboveOneByteAreLeftUndecided() {
    assertThat(LazyDfa.compile("a", true).search("\u0100a")).isEqualTo(LazyDfa.Result.UNDECIDED);
  }

  @Test
  void unsupportedSyntaxIsRejectedNotGuessed() {
    for (String pattern : List.of("\\pL", "\\p{Greek}", "(?=a)", "\\Qa\\E", "[[:alpha:]]",
        "a{1001}", "\\C", "\\1", "(?x)a", "(a", "a)")) {
      assertThat(LazyDfa.compile(pattern, true)).as(pattern).isNull();
      assertThat(LazyDfa.unsupportedReason(pattern)).as(pattern).isNotNull();
    }
  }

  @Test
  void hugeUnrolledRepetitionsAreRejected() {
    assertThat(LazyDfa.compile("(?:a{1000}){1000}", true)).isNull();
    assertThat(LazyDfa.compile("a{1000}", true)).isNotNull();
  }

  private static List<String> disagreements(List<String> patterns) {
    List<String> disagreements = new ArrayList<>();
    for (String pattern : patterns) {
      Pattern re2 = Pattern.compile(pattern);
      LazyDfa dfa = LazyDfa.compile(pattern, true);
      assertThat(dfa).as(pattern).isNotNull();
      for (String input : allStrings()) {
        LazyDfa.Result expected =
            re2.matcher(input).find() ? LazyDfa.Result.MATCH : LazyDfa.Result.NO_MATCH;
        LazyDfa.Result actual = dfa.search(input);
        if (actual != expected && disagreements.size() < 20) {
          disagreements.add(pattern + " on " + visible(input) + ": expected " + expected
              + ", got " + actual);
        }
      }
    }
    return disagreements;
  }

  /** Every string of length 0 to MAX_LENGTH over ALPHABET. */
  static List<String> allStrings() {
    List<String> all = new ArrayList<>();
    all.add("");
    int from = 0;
    for (int length = 1; length <= MAX_LENGTH; length++) {
      int to = all.size();
      for (int i = from; i < to; i++) {
        for (char c : ALPHABET.toCharArray()) all.add(all.get(i) + c);
      }
      from = to;
    }
    return all;
  }

  static String visible(String input) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : input.toCharArray()) {
      if (c >= 0x20 && c < 0x7f) out.append(c);
      else out.append(String.format("\\x%02x", (int) c));
    }
    return out.append('"').toString();
  }
}
