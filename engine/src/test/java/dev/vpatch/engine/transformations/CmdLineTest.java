package dev.vpatch.engine.transformations;

import static dev.vpatch.engine.transformations.TransformationAssertions.keeps;
import static dev.vpatch.engine.transformations.TransformationAssertions.transforms;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class CmdLineTest {
  @Test
  void normalisesAWindowsCommandLine() {
    transforms("cmdLine", "C:\\WINDOWS\\system32\\cmd.exe /c \"dir\"", "c:windowssystem32cmd.exe/c dir");
  }

  @Test
  void removesQuotesBackslashesAndCarets() {
    transforms("cmdLine", "ABC^de'f\"g\\h", "abcdefgh");
  }

  @Test
  void turnsSeparatorRunsIntoOneSpace() {
    transforms("cmdLine", "a  ,;\t\r\nb", "a b");
    transforms("cmdLine", "a,b", "a b");
  }

  @Test
  void dropsASpaceBeforeSlashOrParenthesis() {
    transforms("cmdLine", "a ;/b", "a/b");
    transforms("cmdLine", "a ( b", "a( b");
  }

  @Test
  void lowercasesAsciiOnlyAndKeepsEdgeSpaces() {
    keeps("cmdLine", "");
    keeps("cmdLine", " lead and trail ");
    keeps("cmdLine", "x \u00c4y\0");
    transforms("cmdLine", "X \u00c4Y", "x \u00c4y");
  }

  /**
   * Any bytes, against the rules said as text edits in order: drop the quotes, backslash and caret;
   * each run of separators becomes one space; a space before '/' or '(' goes; ASCII lower case.
   */
  @RepeatedTest(20)
  void cmdLineOfAnyInputIsItsRulesAppliedInTurn(RepetitionInfo repetition) {
    Random random = new Random(4400 + repetition.getCurrentRepetition());
    String special = "\"'\\^ ,;\t\r\n/(AZaz";
    for (int k = 0; k < 500; k++) {
      StringBuilder input = new StringBuilder();
      for (int n = random.nextInt(k % 10 == 0 ? 3000 : 40); n > 0; n--) {
        input.append(random.nextBoolean() ? special.charAt(random.nextInt(special.length())) : (char) random.nextInt(256));
      }
      String text = input.toString();
      String expected = text.replaceAll("[\"'\\\\^]", "").replaceAll("[ ,;\t\r\n]+", " ")
          .replaceAll(" ([/(])", "$1");
      StringBuilder lower = new StringBuilder(expected.length());
      for (char c : expected.toCharArray()) lower.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
      if (lower.toString().equals(text)) {
        keeps("cmdLine", text);
      } else {
        transforms("cmdLine", text, lower.toString());
      }
    }
  }
}
