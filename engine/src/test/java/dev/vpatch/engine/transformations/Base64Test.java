package dev.vpatch.engine.transformations;

import static dev.vpatch.engine.transformations.TransformationAssertions.keeps;
import static dev.vpatch.engine.transformations.TransformationAssertions.transforms;

import org.junit.jupiter.api.Test;

class Base64Test {
  @Test
  void base64DecodeDecodesPaddedAndUnpaddedInput() {
    keeps("base64Decode", "");
    transforms("base64Decode", "YWJj", "abc");
    transforms("base64Decode", "YWJjZA==", "abcd");
    transforms("base64Decode", "+/8=", "\u00fb\u00ff");
  }

  @Test
  void base64DecodeDropsAFinalIncompleteGroup() {
    transforms("base64Decode", "YWJjZA", "abc");
    transforms("base64Decode", "YWJjZA=", "abc");
    transforms("base64Decode", "Y", "");
  }

  @Test
  void base64DecodeSkipsLineBreaksAndTrailingSpaces() {
    transforms("base64Decode", "YWJj\r\nZGVm\n", "abcdef");
    transforms("base64Decode", "YWJj  ", "abc");
  }

  @Test
  void base64DecodeReturnsEmptyForInvalidInput() {
    transforms("base64Decode", "YW Jj", "");
    transforms("base64Decode", " YWJj", "");
    transforms("base64Decode", "YWJj!", "");
    transforms("base64Decode", "YQ==YWJj", "");
    transforms("base64Decode", "YQ===", "");
    transforms("base64Decode", "_-8=", "");
    transforms("base64Decode", "YWJj\r", "");
  }

  @Test
  void base64DecodeStopsAtNul() {
    transforms("base64Decode", "YWJj\0ZGVm", "abc");
  }

  @Test
  void base64DecodeExtSkipsBytesOutsideTheAlphabet() {
    keeps("base64DecodeExt", "");
    transforms("base64DecodeExt", "YW Jj", "abc");
    transforms("base64DecodeExt", "YWJj\0ZGVm", "abcdef");
    transforms("base64DecodeExt", "a.b.c.d", "i\u00b7\u001d");
    transforms("base64DecodeExt", "YW-J_j", "abc");
  }

  @Test
  void base64DecodeExtKeepsCompleteBytesOfAPartialGroup() {
    transforms("base64DecodeExt", "YWJjZA", "abcd");
    transforms("base64DecodeExt", "YWJjZ", "abc");
  }

  @Test
  void base64DecodeExtEmptiesTheResultForALonePadAfterOneDigit() {
    transforms("base64DecodeExt", "Y=", "");
    transforms("base64DecodeExt", "Y==", "");
    transforms("base64DecodeExt", "YQ=", "a");
    transforms("base64DecodeExt", "YQ==YWJj", "a\u0006\u0016&");
  }

  @Test
  void base64DecodeExtTreatsAFinalNineLikeAPad() {
    transforms("base64DecodeExt", "YWJj9", "");
    transforms("base64DecodeExt", "YWJjZ9", "abcg");
  }

  @Test
  void base64EncodePadsWithEquals() {
    keeps("base64Encode", "");
    transforms("base64Encode", "a", "YQ==");
    transforms("base64Encode", "ab", "YWI=");
    transforms("base64Encode", "\0\u00ff", "AP8=");
  }
}
