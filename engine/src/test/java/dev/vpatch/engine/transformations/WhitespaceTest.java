package dev.vpatch.engine.transformations;

import static dev.vpatch.engine.transformations.TransformationAssertions.keeps;
import static dev.vpatch.engine.transformations.TransformationAssertions.transforms;

import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class WhitespaceTest {
  @Test
  void compressWhitespaceTurnsRunsIntoOneSpace() {
    keeps("compressWhitespace", "");
    keeps("compressWhitespace", "a b c");
    keeps("compressWhitespace", " a ");
    transforms("compressWhitespace", "a \t\n\r\u000b\fb", "a b");
    transforms("compressWhitespace", "a\tb", "a b");
  }

  @Test
  void compressWhitespaceIgnoresNonBreakingSpaceAndNul() {
    keeps("compressWhitespace", "a\u00a0\u00a0b\0\0c");
  }

  @Test
  void removeWhitespaceRemovesNonBreakingSpaceToo() {
    keeps("removeWhitespace", "");
    keeps("removeWhitespace", "abc\0\u0085");
    transforms("removeWhitespace", " a\tb\nc\rd\u000be\ff\u00a0g ", "abcdefg");
  }

  @Test
  void trimRemovesCLocaleWhitespaceOnly() {
    keeps("trim", "");
    keeps("trim", "a b");
    keeps("trim", "\u00a0a\u00a0");
    keeps("trim", "\0a\0");
    transforms("trim", "\t\n\u000b\f\r a \r", "a");
    transforms("trim", "   ", "");
  }

  @Test
  void trimLeftAndTrimRightWorkOnOneSide() {
    transforms("trimLeft", "  a  ", "a  ");
    transforms("trimRight", "  a  ", "  a");
    keeps("trimLeft", "a  ");
    keeps("trimRight", "  a");
    transforms("trimLeft", " ", "");
    transforms("trimRight", " ", "");
  }

  /** Any bytes: exactly the whitespace bytes and 0xA0 go, the rest stays in order. */
  @RepeatedTest(20)
  void removeWhitespaceDropsExactlyTheWhitespaceBytesOfAnyInput(RepetitionInfo repetition) {
    Random random = new Random(3300 + repetition.getCurrentRepetition());
    for (int k = 0; k < 500; k++) {
      StringBuilder input = new StringBuilder();
      StringBuilder expected = new StringBuilder();
      for (int n = random.nextInt(k % 10 == 0 ? 3000 : 40); n > 0; n--) {
        char c = random.nextInt(3) == 0 ? " \t\n\u000b\f\r\u00a0".charAt(random.nextInt(7)) : (char) random.nextInt(256);
        input.append(c);
        if (!(c == ' ' || c >= '\t' && c <= '\r' || c == 0xa0)) expected.append(c);
      }
      if (expected.length() == input.length()) {
        keeps("removeWhitespace", input.toString());
      } else {
        transforms("removeWhitespace", input.toString(), expected.toString());
      }
    }
  }
}
