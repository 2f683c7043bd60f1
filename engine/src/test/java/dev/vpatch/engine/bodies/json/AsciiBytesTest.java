package dev.vpatch.engine.bodies.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AsciiBytesTest {
  @Test
  void everyPositionAndLengthFindsAHighByte() {
    for (int length = 0; length <= 40; length++) {
      byte[] bytes = new byte[length + 3];
      Arrays.fill(bytes, (byte) 0x7f);
      bytes[length] = (byte) 0x80;
      assertThat(AsciiBytes.isAscii(bytes, length)).as("length %d", length).isTrue();
      for (int at = 0; at < length; at++) {
        for (int value : new int[] {0x80, 0xff, 0xc3}) {
          bytes[at] = (byte) value;
          assertThat(AsciiBytes.isAscii(bytes, length)).as("0x%x at %d of %d", value, at, length).isFalse();
        }
        bytes[at] = 0;
        assertThat(AsciiBytes.isAscii(bytes, length)).isTrue();
      }
    }
  }
}
