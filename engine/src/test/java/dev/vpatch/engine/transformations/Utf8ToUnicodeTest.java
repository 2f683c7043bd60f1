package dev.vpatch.engine.transformations;

import static dev.vpatch.engine.transformations.TransformationAssertions.keeps;
import static dev.vpatch.engine.transformations.TransformationAssertions.transforms;

import dev.vpatch.engine.ByteStrings;
import org.junit.jupiter.api.Test;

class Utf8ToUnicodeTest {
  private static void utf8(String text, String expected) {
    transforms("utf8toUnicode", ByteStrings.fromText(text), expected);
  }

  @Test
  void encodesMultiByteSequencesAsPercentU() {
    keeps("utf8toUnicode", "");
    keeps("utf8toUnicode", "plain ascii");
    utf8("caf\u00e9", "caf%u00e9");
    utf8("\u20ac", "%u20ac");
    utf8("\uff01", "%uff01");
    utf8(new String(Character.toChars(0x1f600)), "%u1f600");
    utf8(new String(Character.toChars(0x10ffff)), "%u10ffff");
  }

  @Test
  void dropsNulBytes() {
    transforms("utf8toUnicode", "a\0b", "ab");
    transforms("utf8toUnicode", "\0", "");
  }

  @Test
  void dropsALeadByteWithoutItsContinuationBytes() {
    transforms("utf8toUnicode", "\u00c3", "");
    transforms("utf8toUnicode", "\u00c3a", "a");
    transforms("utf8toUnicode", "\u00e2\u0082", "\u0082");
    transforms("utf8toUnicode", "\u00f0\u009f\u0098", "\u009f\u0098");
  }

  @Test
  void keepsStrayContinuationAndInvalidBytes() {
    keeps("utf8toUnicode", "\u0080\u00bf\u00f8\u00ff");
  }

  @Test
  void appendsTheLeadByteAfterOverlongFormsAndSurrogates() {
    transforms("utf8toUnicode", "\u00c0\u00af", "%u002f\u00c0");
    transforms("utf8toUnicode", "\u00e0\u0080\u00af", "%u002f\u00e0");
    transforms("utf8toUnicode", "\u00f0\u0080\u0080\u00af", "%u002f\u00f0");
    transforms("utf8toUnicode", "\u00ed\u00a0\u0080", "%ud800\u00ed");
  }

  @Test
  void copiesLeadBytesAboveF4BeforeTheSequence() {
    transforms("utf8toUnicode", "\u00f5\u0080\u0080\u0080", "\u00f5%u140000");
  }
}
