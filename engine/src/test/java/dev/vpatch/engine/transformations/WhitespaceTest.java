package dev.vpatch.engine.transformations;

import static dev.vpatch.engine.transformations.TransformationAssertions.keeps;
import static dev.vpatch.engine.transformations.TransformationAssertions.transforms;

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
}
