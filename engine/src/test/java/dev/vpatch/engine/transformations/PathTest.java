package dev.vpatch.engine.transformations;

import static dev.vpatch.engine.transformations.TransformationAssertions.keeps;
import static dev.vpatch.engine.transformations.TransformationAssertions.transforms;

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
  void britishSpellingsAreAliases() {
    transforms("normalisePath", "/a/../b", "/b");
    transforms("normalisePathWin", "\\a\\..\\b", "/b");
  }
}
