package dev.vpatch.engine.transformations;

import static dev.vpatch.engine.transformations.TransformationAssertions.keeps;
import static dev.vpatch.engine.transformations.TransformationAssertions.transforms;

import org.junit.jupiter.api.Test;

class UrlCodingTest {
  @Test
  void urlDecodeDecodesPercentEscapesAndPlus() {
    transforms("urlDecode", "a%20b+c%2B", "a b c+");
    transforms("urlDecode", "%00%ff%FF", "\0\u00ff\u00ff");
    transforms("urlDecode", "%%41", "%A");
  }

  @Test
  void urlDecodeLeavesInvalidAndTruncatedEscapes() {
    keeps("urlDecode", "");
    keeps("urlDecode", "plain text");
    keeps("urlDecode", "%zz");
    keeps("urlDecode", "%4g");
    keeps("urlDecode", "trailing%");
    keeps("urlDecode", "trailing%4");
    keeps("urlDecode", "%u0041");
    transforms("urlDecode", "%zz+", "%zz ");
  }

  @Test
  void urlDecodeUniKeepsTheLowByteOfUnicodeEscapes() {
    transforms("urlDecodeUni", "%u0041%U0042", "AB");
    transforms("urlDecodeUni", "%u1234", "4");
    transforms("urlDecodeUni", "%u2215", "\u0015");
    transforms("urlDecodeUni", "%uff00", "\0");
  }

  @Test
  void urlDecodeUniMapsFullWidthAsciiToAscii() {
    transforms("urlDecodeUni", "%uff01%uFF5E%uFf3c", "!~\\");
    transforms("urlDecodeUni", "%uff5f", "_");
  }

  @Test
  void urlDecodeUniLeavesInvalidUnicodeEscapes() {
    keeps("urlDecodeUni", "%u");
    keeps("urlDecodeUni", "%u12");
    keeps("urlDecodeUni", "%u123");
    keeps("urlDecodeUni", "%u12G4");
    transforms("urlDecodeUni", "%u%41", "%uA");
    transforms("urlDecodeUni", "%u12+%41", "%u12 A");
  }

  @Test
  void urlEncodeKeepsOnlyAlphanumericsAndStar() {
    keeps("urlEncode", "");
    keeps("urlEncode", "AZaz09*");
    transforms("urlEncode", "a b", "a+b");
    transforms("urlEncode", "-._~", "%2d%2e%5f%7e");
    transforms("urlEncode", "\0\u00ff", "%00%ff");
  }
}
