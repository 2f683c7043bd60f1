package dev.vpatch.engine.transformations;

import static dev.vpatch.engine.transformations.TransformationAssertions.keeps;
import static dev.vpatch.engine.transformations.TransformationAssertions.transforms;

import org.junit.jupiter.api.Test;

/** The transformations that map or drop single bytes, and length. */
class ByteMappingTest {
  @Test
  void lowercaseAndUppercaseChangeAsciiLettersOnly() {
    keeps("lowercase", "");
    keeps("lowercase", "abc\u00c4\0");
    transforms("lowercase", "AbC\0\u00c4", "abc\0\u00c4");
    keeps("uppercase", "ABC\u00e4\0");
    transforms("uppercase", "aBc\0\u00e4", "ABC\0\u00e4");
  }

  @Test
  void parityEven7bitSetsBit7ForOddParityOverAllEightBits() {
    keeps("parityEven7bit", "");
    transforms("parityEven7bit", "\u0080\u0081\u0001\u0003", "\u0080\u0001\u0081\u0003");
  }

  @Test
  void parityOdd7bitSetsBit7ForEvenParityOverAllEightBits() {
    transforms("parityOdd7bit", "\u0080\u0081\u0001\u0003", "\0\u0081\u0001\u0083");
    transforms("parityOdd7bit", "\0", "\u0080");
  }

  @Test
  void parityZero7bitClearsBit7() {
    keeps("parityZero7bit", "ascii\0");
    transforms("parityZero7bit", "\u00ff\u0080a", "\u007f\0a");
  }

  @Test
  void removeNullsAndReplaceNulls() {
    keeps("removeNulls", "abc");
    keeps("replaceNulls", "abc");
    transforms("removeNulls", "\0a\0\0b\0", "ab");
    transforms("replaceNulls", "\0a\0\0b\0", " a  b ");
  }

  @Test
  void lengthCountsBytes() {
    transforms("length", "", "0");
    transforms("length", "abc\0d", "5");
    transforms("length", "\u00ff".repeat(10), "10");
  }
}
