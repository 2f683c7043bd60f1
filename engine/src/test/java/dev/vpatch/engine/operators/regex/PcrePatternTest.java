package dev.vpatch.engine.operators.regex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PcrePatternTest {
  private static boolean finds(String pattern, String input) {
    return PcrePattern.compile(pattern).find(input);
  }

  @ParameterizedTest(name = "{0} on RE2")
  @ValueSource(
      strings = {
        "a++b", "a*+b", "a?+b", "a{1,3}+b", "(?>ab|a)c", "\\Z", "\\h+", "\\v", "\\R", "\\e",
        "\\cA", "[[:alpha:]]+", "[[:^digit:]]", "\\x41\\x{42}", "\\101", "\\0",
        "(?x) a b # comment",
        "(?<name>a)", "(?P<name>a)", "(?'name'a)", "(?#comment)a", "\\Qa.b\\E", "(?i:x)y", "[\\w-]",
        "[]a]", "[^]a]", "a{,3}", "x{", "\\/\\'\\\"", "\\p{L}"
      })
  void translatableConstructsRunOnRe2(String pattern) {
    assertThat(PcrePattern.compile(pattern).usesFallback()).isFalse();
  }

  @ParameterizedTest(name = "{0} needs fallback")
  @ValueSource(
      strings = {"a(?=b)", "a(?!b)", "(?<=a)b", "(?<!a)b", "(a)\\1", "(?<n>a)\\k<n>", "a{2,5000}"})
  void constructsWithoutRe2EquivalentFallBack(String pattern) {
    PcrePattern compiled = PcrePattern.compile(pattern);
    assertThat(compiled.usesFallback()).isTrue();
    assertThat(compiled.fallbackReason()).isNotBlank();
  }

  @Test
  void possessiveAndAtomicMatchLikePlainWhereTheyMatch() {
    assertThat(finds("a++b", "xaaab")).isTrue();
    assertThat(finds("(?>foo|bar)baz", "barbaz")).isTrue();
    assertThat(finds("a{2}+c", "aac")).isTrue();
    assertThat(finds("a++b", "aaa")).isFalse();
  }

  @Test
  void dotMatchesNewlineAndAnchorsAreMultilineLikeModSecurity() {
    assertThat(finds("a.b", "a\nb")).isTrue();
    assertThat(finds("^b$", "a\nb\nc")).isTrue();
    assertThat(finds("(?-m)^b", "a\nb")).isFalse();
    assertThat(finds("(?-s)a.b", "a\nb")).isFalse();
  }

  @Test
  void multilineCaretNeverMatchesAfterATrailingNewline() {
    assertThat(finds("^$", "abc\n")).isFalse();
    assertThat(finds("^$", "abc\n\nx")).isTrue();
    assertThat(finds("^$", "")).isTrue();
    assertThat(finds("^[^\"]*$", "\"\n")).isFalse();
    assertThat(finds("^b", "a\nb\n")).isTrue();
    RegexMatch match = PcrePattern.compile("^(b)$").find("a\nb\n", 0);
    assertThat(match.group(1)).isEqualTo("b");
    assertThat(finds("^\\n?$", "ab\n")).isFalse();
    assertThat(finds("^[^x]*$", "x\n")).isFalse();
    assertThat(finds("^a$", "x\na\n")).isTrue();
    assertThat(finds("x\n^", "x\n")).isFalse();
  }

  @Test
  void dollarWithoutMultilineAlsoMatchesBeforeAFinalNewline() {
    assertThat(finds("(?-m)abc$", "abc\n")).isTrue();
    assertThat(finds("(?-m)abc$", "abc\nx")).isFalse();
    assertThat(finds("abc\\Z", "abc\n")).isTrue();
    assertThat(finds("abc\\Z", "abc\nd")).isFalse();
    assertThat(finds("abc\\z", "abc\n")).isFalse();
  }

  @Test
  void whitespaceClassesFollowPcreWithoutUtf() {
    assertThat(finds("^\\s$", "\u000b")).isTrue();
    assertThat(finds("^\\s$", "\u00a0")).isFalse();
    assertThat(finds("^\\h$", "\u00a0")).isTrue();
    assertThat(finds("^\\h$", "\n")).isFalse();
    assertThat(finds("^\\v$", "\u0085")).isTrue();
    assertThat(finds("^\\S$", "\u000b")).isFalse();
    assertThat(finds("^[\\s]$", "\u000b")).isTrue();
    assertThat(finds("^[^\\s]$", "\u000b")).isFalse();
    assertThat(finds("^\\R$", "\r\n")).isTrue();
  }

  @Test
  void caseFoldingIsAsciiOnly() {
    assertThat(finds("(?i)abc", "ABC")).isTrue();
    assertThat(finds("(?i)\u00e9", "\u00c9")).isFalse();
    assertThat(finds("(?i)[\u00e0-\u00ef]", "\u00c9")).isFalse();
    assertThat(finds("(?i)[a-c]", "B")).isTrue();
    assertThat(finds("(?i)[^a-c]", "B")).isFalse();
    assertThat(finds("(?i)[[:upper:]]", "b")).isTrue();
    assertThat(finds("(?i)\\x41", "a")).isTrue();
  }

  @Test
  void caseFlagsAreScopedToTheirGroup() {
    assertThat(finds("(?:(?i)a)b", "AB")).isFalse();
    assertThat(finds("(?:(?i)a)b", "Ab")).isTrue();
    assertThat(finds("(?i:a)b", "Ab")).isTrue();
    assertThat(finds("(?i)a(?-i)b", "Ab")).isTrue();
    assertThat(finds("(?i)a(?-i)b", "AB")).isFalse();
  }

  @Test
  void patternBytesMatchInputBytes() {
    assertThat(finds("\\xc3\\xa9", "caf\u00c3\u00a9")).isTrue();
    assertThat(finds("\u00c3\u00a9", "caf\u00c3\u00a9")).isTrue();
    assertThat(finds("^.{2}$", "\u00c3\u00a9")).isTrue();
    assertThat(finds("\\x00", "a\u0000b")).isTrue();
    assertThat(finds("[\\x80-\\xff]", "abc")).isFalse();
    assertThat(finds("[\\x80-\\xff]", "ab\u00ffc")).isTrue();
    assertThat(finds("[^a]", "\u00ff")).isTrue();
  }

  @Test
  void escapesDecodeLikePcre() {
    assertThat(finds("^\\101$", "A")).isTrue();
    assertThat(finds("^\\0$", "\u0000")).isTrue();
    assertThat(finds("^\\012$", "\n")).isTrue();
    assertThat(finds("^\\cA$", "\u0001")).isTrue();
    assertThat(finds("^\\e$", "\u001b")).isTrue();
    assertThat(finds("^\\x{41}$", "A")).isTrue();
    assertThat(finds("^\\o{101}$", "A")).isTrue();
    assertThat(finds("^[\\b]$", "\u0008")).isTrue();
    assertThat(finds("^\\Qa.b\\E$", "a.b")).isTrue();
    assertThat(finds("^\\Qa.b\\E$", "axb")).isFalse();
    assertThat(finds("^a{,2}$", "a{,2}")).isTrue();
    assertThat(finds("(?x) a b # comment", "ab")).isTrue();
  }

  @Test
  void classEdgeCases() {
    assertThat(finds("^[]a]+$", "]a]")).isTrue();
    assertThat(finds("^[^]a]$", "b")).isTrue();
    assertThat(finds("^[^]a]$", "]")).isFalse();
    assertThat(finds("^[\\w-]+$", "a-b_c")).isTrue();
    assertThat(finds("^[a-]+$", "a-")).isTrue();
    assertThat(finds("^[\\d-z]+$", "1-z")).isTrue();
    assertThat(finds("^[^\\x00-\\xff]$", "a")).isFalse();
  }

  @Test
  void emptyPatternMatchesEverything() {
    assertThat(finds("", "")).isTrue();
    assertThat(finds("", "abc")).isTrue();
  }

  @Test
  void groupsAreReported() {
    RegexMatch match = PcrePattern.compile("(a)(x)?(b)").find("zab", 0);
    assertThat(match.start()).isEqualTo(1);
    assertThat(match.text()).isEqualTo("ab");
    assertThat(match.group(1)).isEqualTo("a");
    assertThat(match.group(2)).isNull();
    assertThat(match.group(3)).isEqualTo("b");
    assertThat(PcrePattern.compile("b").find("abab", 2).start()).isEqualTo(3);
    assertThat(PcrePattern.compile("b").find("ab", 3)).isNull();
  }

  @Test
  void fallbackMatchesWithLookaroundsAndBackreferences() {
    assertThat(finds("foo(?=bar)", "foobar")).isTrue();
    assertThat(finds("foo(?=bar)", "foobaz")).isFalse();
    assertThat(finds("(a)\\1", "xaa")).isTrue();
    RegexMatch match = PcrePattern.compile("(?<=x)(a+)").find("xaa", 0);
    assertThat(match.group(1)).isEqualTo("aa");
    assertThat(finds("(?<!\\d)a.b", "a\nb")).isTrue();
  }

  @Test
  void fallbackGivesUpOnCatastrophicBacktrackingWithinItsBudget() {
    PcrePattern evil =
        PcrePattern.compile(
            "(?=a)a*a*a*b", new PcrePattern.FallbackLimits(Duration.ofMillis(20), 65_536));
    assertThat(evil.usesFallback()).isTrue();
    long start = System.nanoTime();
    long abortedBefore = PcrePattern.abortedFallbackEvaluations();
    String input = "a".repeat(2_000) + "!";
    assertThat(evil.find(input)).isFalse();
    assertThat(evil.find(input, 0)).isNull();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    assertThat(PcrePattern.abortedFallbackEvaluations()).isGreaterThanOrEqualTo(abortedBefore + 2);
  }

  @Test
  void fallbackOnlyLooksAtTheFirstBytesUpToItsCap() {
    PcrePattern pattern =
        PcrePattern.compile("a(?=b)", new PcrePattern.FallbackLimits(Duration.ofMillis(50), 10));
    assertThat(pattern.find("xxxxxxxxab")).isTrue();
    assertThat(pattern.find("xxxxxxxxxxab")).isFalse();
  }

  @Test
  void re2HandlesPathologicalPatternsInLinearTime() {
    PcrePattern pattern = PcrePattern.compile("^(a+)+$");
    assertThat(pattern.usesFallback()).isFalse();
    assertThat(pattern.find("a".repeat(100_000) + "b")).isFalse();
  }

  @Test
  void invalidPatternsAreRejectedWithAMessage() {
    assertThatThrownBy(() -> PcrePattern.compile("(a")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid regular expression");
    assertThatThrownBy(() -> PcrePattern.compile("[z-a]"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PcrePattern.compile("a\\"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PcrePattern.compile("(*UTF)a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("control verb");
  }
}
