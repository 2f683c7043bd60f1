package dev.vpatch.engine.transformations;

import static dev.vpatch.engine.transformations.TransformationAssertions.transforms;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DigestTest {
  private static String raw(String hex) {
    return new String(HexFormat.of().parseHex(hex), StandardCharsets.ISO_8859_1);
  }

  @Test
  void md5ReturnsTheRawDigest() {
    transforms("md5", "", raw("d41d8cd98f00b204e9800998ecf8427e"));
    transforms("md5", "abc", raw("900150983cd24fb0d6963f7d28e17f72"));
  }

  @Test
  void sha1ReturnsTheRawDigest() {
    transforms("sha1", "", raw("da39a3ee5e6b4b0d3255bfef95601890afd80709"));
    transforms("sha1", "abc", raw("a9993e364706816aba3e25717850c26c9cd0d89d"));
  }

  @Test
  void digestsHashEveryByte() {
    transforms("md5", "a\0b", raw("70350f6027bce3713f6b76473084309b"));
    transforms("sha1", "\u00ff", raw("85e53271e14006f0265921d02d4d736cdc580b0b"));
  }
}
