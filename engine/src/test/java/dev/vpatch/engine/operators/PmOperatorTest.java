package dev.vpatch.engine.operators;

import static dev.vpatch.engine.operators.OperatorTesting.create;
import static dev.vpatch.engine.operators.OperatorTesting.matches;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PmOperatorTest {
  @Test
  void matchesAnySpaceSeparatedPhraseIgnoringCase() {
    assertThat(matches("pm", "nikto sqlmap", "Mozilla sqlMAP/1.0")).isTrue();
    assertThat(matches("pm", "nikto sqlmap", "Mozilla/5.0")).isFalse();
    assertThat(matches("pm", "nikto sqlmap", "")).isFalse();
  }

  @Test
  void capturesThePhraseAsWrittenInTheRule() {
    TestMatchContext context = TestMatchContext.capturing();
    assertThat(create("pm", "WebZIP nikto").matches(context, "xx webzip xx")).isTrue();
    assertThat(context.captures).containsEntry(0, "WebZIP").hasSize(1);
  }

  @Test
  void parsesQuotesHexAndEscapes() {
    assertThat(PmOperator.parsePhrases("\"abc def\"")).containsExactly("abc", "def");
    assertThat(PmOperator.parsePhrases("A|42|C")).containsExactly("ABC");
    assertThat(PmOperator.parsePhrases("|00 ff|x")).containsExactly("\u0000\u00ffx");
    assertThat(PmOperator.parsePhrases("a|20|b")).containsExactly("a", "b");
    assertThat(PmOperator.parsePhrases("a\\;b \\\"q\\\"")).containsExactly("a;b", "\"q\"");
    assertThat(PmOperator.parsePhrases("  \tone\t two  ")).containsExactly("one", "two");
  }

  @Test
  void badEscapeFallsBackToTheRawArgument() {
    assertThat(PmOperator.parsePhrases("a\\nb c")).containsExactly("a\\nb", "c");
  }

  @Test
  void emptyArgumentNeverMatches() {
    assertThat(matches("pm", "", "anything")).isFalse();
  }

  @Test
  void matchesNulAndHighBytes() {
    assertThat(matches("pm", "|00|", "a\u0000b")).isTrue();
    assertThat(matches("pm", "caf\u00c3\u00a9", "CAF\u00c3\u00a9")).isTrue();
  }
}
