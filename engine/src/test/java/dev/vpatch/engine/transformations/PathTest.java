package dev.vpatch.engine.transformations;

import static dev.vpatch.engine.transformations.TransformationAssertions.keeps;
import static dev.vpatch.engine.transformations.TransformationAssertions.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class PathTest {
  @Test
  void normalizePathResolvesDotSegments() {
    keeps("normalizePath", "");
    keeps("normalizePath", "/a/b/c");
    keeps("normalizePath", "/a/b/");
    transforms("normalizePath", "/a/b/../c", "/a/c");
    transforms("normalizePath", "/a/./b/.", "/a/b");
    transforms("normalizePath", "a/b/c/../../d", "a/d");
    transforms("normalizePath", "./a", "a");
  }

  @Test
  void normalizePathCollapsesRepeatedSlashes() {
    transforms("normalizePath", "//a///b", "/a/b");
    transforms("normalizePath", "a//", "a/");
  }

  @Test
  void normalizePathDoesNotGoAboveTheRoot() {
    transforms("normalizePath", "/../../etc/passwd", "/etc/passwd");
    transforms("normalizePath", "/a/b/../../..", "");
    transforms("normalizePath", "/..", "");
  }

  @Test
  void normalizePathKeepsLeadingBackReferencesOfRelativePaths() {
    keeps("normalizePath", "../a");
    keeps("normalizePath", "..");
    transforms("normalizePath", "a/../../b", "../b");
    transforms("normalizePath", "a/..", "");
  }

  @Test
  void normalizePathLeavesBackslashesAlone() {
    keeps("normalizePath", "a\\b\\..\\c");
  }

  @Test
  void normalizePathWinTurnsBackslashesIntoSlashes() {
    transforms("normalizePathWin", "\\", "/");
    transforms("normalizePathWin", "c:\\windows\\..\\x", "c:/x");
    transforms("normalizePathWin", "a\\\\b", "a/b");
    transforms("normalizePathWin", "..\\..\\a", "../../a");
    transforms("normalizePathWin", "a/b\\../c", "a/c");
  }

  @Test
  void aDotChangesAPathOnlyWhereItEndsASegment() {
    keeps("normalizePath", "/app/account.php");
    keeps("normalizePathWin", "/a.b/c.d.e/...x");
    // As in libmodsecurity, a segment that merely ends with ".." goes back one level.
    transforms("normalizePath", "/x/a../b", "/x/b");
    transforms("normalizePathWin", "/x/a..\\b", "/x/b");
    keeps("normalizePath", "/a./b");
  }

  /** Whatever the shortcut keeps as it is, the full walk keeps as it is too. */
  @RepeatedTest(20)
  void theShortcutOnlySkipsInputsTheWalkWouldKeep(RepetitionInfo repetition) {
    Random random = new Random(4_100 + repetition.getCurrentRepetition());
    String alphabet = "/\\.ab";
    int skipped = 0;
    for (int n = 0; n < 5_000; n++) {
      StringBuilder input = new StringBuilder();
      for (int i = 1 + random.nextInt(12); i > 0; i--) input.append(alphabet.charAt(random.nextInt(alphabet.length())));
      for (boolean windows : new boolean[] {false, true}) {
        if (PathNormalizer.mayChange(input.toString(), windows)) continue;
        skipped++;
        assertThat(PathNormalizer.normalizeFully(input.toString(), windows)).as("%s windows=%s", input, windows)
            .isEqualTo(input.toString());
      }
    }
    assertThat(skipped).isGreaterThan(1_000);
  }

  @Test
  void britishSpellingsAreAliases() {
    transforms("normalisePath", "/a/../b", "/b");
    transforms("normalisePathWin", "\\a\\..\\b", "/b");
  }
}
