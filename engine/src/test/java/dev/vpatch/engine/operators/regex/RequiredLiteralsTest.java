package dev.vpatch.engine.operators.regex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
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
    assertThat(literals("select\\s+from")).containsExactly("select");
    assertThat(literals("ab[^c]defg")).containsExactly("defg");
  }

  @Test
  void optionalPartsAreNotRequired() {
    assertThat(literals("abc(?:def)?")).containsExactly("abc");
    assertThat(literals("(?:abc)*x")).containsExactly("x");
    assertThat(literals("(?:abc)+")).containsExactly("abc");
    assertThat(literals("(?:ab){2,3}")).containsExactly("ab");
    assertThat(literals("a?")).isEmpty();
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
  void fallbackPatternsAreNotAnalysed() {
    assertThat(literals("foo(?=bar)")).isEmpty();
  }

  @Test
  void highBytesAreKept() {
    assertThat(literals("(?i)caf\\xc3\\xa9")).containsExactly("caf\u00c3\u00a9");
  }
}
