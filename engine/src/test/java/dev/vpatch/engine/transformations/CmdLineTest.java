package dev.vpatch.engine.transformations;

import static dev.vpatch.engine.transformations.TransformationAssertions.keeps;
import static dev.vpatch.engine.transformations.TransformationAssertions.transforms;

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
}
