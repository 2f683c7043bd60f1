package dev.vpatch.engine.transformations;

import static dev.vpatch.engine.transformations.TransformationAssertions.keeps;
import static dev.vpatch.engine.transformations.TransformationAssertions.transforms;

import org.junit.jupiter.api.Test;

class HexTest {
  @Test
  void hexDecodeDecodesPairsAndDropsAnOddLastDigit() {
    keeps("hexDecode", "");
    transforms("hexDecode", "4142", "AB");
    transforms("hexDecode", "0a0A", "\n\n");
    transforms("hexDecode", "414", "A");
    transforms("hexDecode", "a", "");
  }

  @Test
  void hexDecodeComputesNonHexDigitsLikeModSecurity() {
    transforms("hexDecode", "zz", "S");
    transforms("hexDecode", "4G", "P");
    transforms("hexDecode", " 1", "\u0001");
  }

  @Test
  void hexEncodeWritesLowercaseDigits() {
    keeps("hexEncode", "");
    transforms("hexEncode", "\0\u00ffA", "00ff41");
  }

  @Test
  void sqlHexDecodeDecodesHexLiterals() {
    transforms("sqlHexDecode", "0x414243", "ABC");
    transforms("sqlHexDecode", "x0X41y", "xAy");
    transforms("sqlHexDecode", "00x41", "0A");
    transforms("sqlHexDecode", "0x0x41", "0xA");
  }

  @Test
  void sqlHexDecodeDropsTheLastByteUnlessALiteralReachesIt() {
    keeps("sqlHexDecode", "");
    transforms("sqlHexDecode", "a", "");
    transforms("sqlHexDecode", "ab", "a");
    transforms("sqlHexDecode", "0x", "0");
    transforms("sqlHexDecode", "0x414", "A4");
  }

  @Test
  void sqlHexDecodeCopiesTheByteAfterALiteralUnexamined() {
    transforms("sqlHexDecode", "0x410x42", "A0x4");
  }

  @Test
  void sqlHexDecodeStopsAtNul() {
    transforms("sqlHexDecode", "a\0b", "a");
    transforms("sqlHexDecode", "0x41\0b", "A");
  }
}
