package dev.vpatch.engine.transformations;

import static dev.vpatch.engine.transformations.TransformationAssertions.keeps;
import static dev.vpatch.engine.transformations.TransformationAssertions.transforms;

import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class EscapeDecodingTest {
  @Test
  void escapeSeqDecodeDecodesCEscapes() {
    keeps("escapeSeqDecode", "");
    keeps("escapeSeqDecode", "no escapes");
    transforms("escapeSeqDecode", "\\a\\b\\f\\n\\r\\t\\v\\\\\\?\\'\\\"", "\u0007\b\f\n\r\t\u000b\\?'\"");
    transforms("escapeSeqDecode", "\\x41\\X42", "AB");
    transforms("escapeSeqDecode", "\\101\\1011\\0", "AA1\0");
  }

  @Test
  void escapeSeqDecodeTruncatesOctalToOneByte() {
    transforms("escapeSeqDecode", "\\777", "\u00ff");
    transforms("escapeSeqDecode", "\\400", "\0");
  }

  @Test
  void escapeSeqDecodeDropsTheBackslashOfUnknownOrInvalidEscapes() {
    transforms("escapeSeqDecode", "\\q\\8", "q8");
    transforms("escapeSeqDecode", "\\xZZ", "xZZ");
    transforms("escapeSeqDecode", "\\x4", "x4");
    keeps("escapeSeqDecode", "trailing\\");
  }

  @Test
  void jsDecodeDecodesUnicodeHexAndOctalEscapes() {
    keeps("jsDecode", "");
    transforms("jsDecode", "\\u0041\\x42\\103", "ABC");
    transforms("jsDecode", "\\u1234", "4");
    transforms("jsDecode", "\\uff01\\uFF5E", "!~");
    transforms("jsDecode", "\\uff00", "\0");
  }

  @Test
  void jsDecodeTakesAThirdOctalDigitOnlyWhenTheResultFitsInAByte() {
    transforms("jsDecode", "\\377", "\u00ff");
    transforms("jsDecode", "\\477", "'7");
    transforms("jsDecode", "\\4", "\u0004");
  }

  @Test
  void jsDecodeOnlyKnowsLowercaseUAndX() {
    transforms("jsDecode", "\\U0041", "U0041");
    transforms("jsDecode", "\\X41", "X41");
    transforms("jsDecode", "\\u004", "u004");
    transforms("jsDecode", "\\u12G4", "u12G4");
    keeps("jsDecode", "a\\");
  }

  @Test
  void cssDecodeUsesTheLastTwoOfUpToSixHexDigits() {
    keeps("cssDecode", "");
    keeps("cssDecode", "color: red");
    transforms("cssDecode", "\\41\\041\\0041\\00041\\000041", "AAAAA");
    transforms("cssDecode", "\\1234567", "V7");
    transforms("cssDecode", "\\4", "\u0004");
  }

  @Test
  void cssDecodeMapsFullWidthAscii() {
    transforms("cssDecode", "\\ff01\\0ff5e\\00FF21", "!~A");
    transforms("cssDecode", "\\1ff01", "\u0001");
  }

  @Test
  void cssDecodeEatsOneWhitespaceAfterAHexEscape() {
    transforms("cssDecode", "\\41 b", "Ab");
    transforms("cssDecode", "\\41  b", "A b");
    transforms("cssDecode", "\\41\tb", "Ab");
  }

  @Test
  void cssDecodeHandlesOtherBackslashes() {
    transforms("cssDecode", "a\\\nb", "ab");
    transforms("cssDecode", "\\g\\\\", "g\\");
    transforms("cssDecode", "a\\", "a");
  }

  @Test
  void cssDecodeEndsAtTheFirstNulLikeModSecurity() {
    transforms("cssDecode", "a\0b", "a");
    transforms("cssDecode", "a\\0b", "a\u000b");
    transforms("cssDecode", "a\\0 b", "a");
    transforms("cssDecode", "\\ff00x", "");
  }

  @Test
  void htmlEntityDecodeDecodesNumericEntitiesWithOrWithoutSemicolon() {
    keeps("htmlEntityDecode", "");
    keeps("htmlEntityDecode", "no entities");
    transforms("htmlEntityDecode", "&#65;&#66&#x43;&#X44", "ABCD");
    transforms("htmlEntityDecode", "&#65abc&#x41zz", "AabcAzz");
  }

  @Test
  void htmlEntityDecodeKeepsTheLowByteOfLargeValues() {
    transforms("htmlEntityDecode", "&#256;&#x141;", "\0A");
    transforms("htmlEntityDecode", "&#x4142434445;", "E");
    transforms("htmlEntityDecode", "&#99999999999999999999;", "\u00ff");
    transforms("htmlEntityDecode", "&#00000000000000065;", "A");
  }

  @Test
  void htmlEntityDecodeKnowsFiveNamedEntitiesInAnyCase() {
    transforms("htmlEntityDecode", "&quot;&amp;&lt;&gt;&nbsp;", "\"&<>\u00a0");
    transforms("htmlEntityDecode", "&LT;&Gt&NBSP", "<>\u00a0");
    transforms("htmlEntityDecode", "&amp;amp;", "&amp;");
  }

  @Test
  void htmlEntityDecodeLeavesEverythingElse() {
    keeps("htmlEntityDecode", "&");
    keeps("htmlEntityDecode", "&#");
    keeps("htmlEntityDecode", "&#x");
    keeps("htmlEntityDecode", "&#x;");
    keeps("htmlEntityDecode", "&#;");
    keeps("htmlEntityDecode", "&#-1;");
    keeps("htmlEntityDecode", "&foo;");
    keeps("htmlEntityDecode", "&ltx;");
    keeps("htmlEntityDecode", "&;");
    transforms("htmlEntityDecode", "&#x&lt;", "&#x<");
    transforms("htmlEntityDecode", "&&lt;", "&<");
  }

  /**
   * Text between escapes goes over byte for byte, however long the runs and wherever the escapes
   * and the introducers that start none fall; text without an escape stays the same instance.
   */
  @RepeatedTest(20)
  void textBetweenEscapesIsKeptAsItIsAndOnlyTheEscapesAreDecoded(RepetitionInfo repetition) {
    Random random = new Random(5500 + repetition.getCurrentRepetition());
    String[][] decoders = {
        {"htmlEntityDecode", "&", "&lt;", "<", "&#x41;", "A", "&amp;", "&"},
        {"jsDecode", "\\", "\\x41", "A", "\\u0042", "B", "\\n", "\n"},
        {"escapeSeqDecode", "\\", "\\x41", "A", "\\t", "\t", "\\101", "A"}};
    for (String[] decoder : decoders) {
      char introducer = decoder[1].charAt(0);
      for (int k = 0; k < 300; k++) {
        StringBuilder input = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        for (int piece = random.nextInt(8); piece >= 0; piece--) {
          // A run of bytes that holds no introducer, sometimes long.
          for (int n = random.nextInt(random.nextInt(5) == 0 ? 2000 : 12); n > 0; n--) {
            char c = (char) random.nextInt(256);
            if (c == introducer) c = 'x';
            input.append(c);
            expected.append(c);
          }
          int escape = random.nextInt(4);
          if (escape < 3) {
            input.append(decoder[2 + 2 * escape]);
            expected.append(decoder[3 + 2 * escape]);
          }
        }
        String text = input.toString();
        if (text.equals(expected.toString())) {
          keeps(decoder[0], text);
        } else {
          transforms(decoder[0], text, expected.toString());
        }
      }
    }
  }
}
