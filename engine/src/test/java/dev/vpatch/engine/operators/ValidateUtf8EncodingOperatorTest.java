package dev.vpatch.engine.operators;

import static dev.vpatch.engine.operators.OperatorTesting.matches;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.engine.ByteStrings;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValidateUtf8EncodingOperatorTest {
  private static boolean invalid(String hexBytes) {
    return matches("validateUtf8Encoding", "", bytes(hexBytes));
  }

  private static String bytes(String hex) {
    StringBuilder out = new StringBuilder();
    for (String b : hex.trim().split("\\s+")) {
      if (!b.isEmpty()) out.append((char) Integer.parseInt(b, 16));
    }
    return out.toString();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", "41", "00", "7f", "c2 80", "c3 a9", "df bf", "e0 a0 80", "e2 82 ac", "ed 9f bf",
        "ee 80 80", "ef bf bf", "f0 90 80 80", "f4 8f bf bf", "f4 90 80 80", "41 c3 a9 42"
      })
  void validSequencesDoNotMatch(String hex) {
    assertThat(invalid(hex)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "80", "bf", "41 80", "c3", "e2 82", "f0 90 80", "c3 41", "e2 41 ac", "e2 82 41",
        "f0 90 41 80", "c0 80", "c1 bf", "e0 80 80", "e0 9f bf", "f0 80 80 80", "f0 8f bf bf",
        "ed a0 80", "ed bf bf", "f5 80 80 80", "f7 bf bf bf", "f8 88 80 80 80", "fc", "fe", "ff",
        "41 c3"
      })
  void invalidOverlongSurrogateAndTruncatedSequencesMatch(String hex) {
    assertThat(invalid(hex)).isTrue();
  }

  @Test
  void agreesWithTheJdkDecoderOnRandomBytesBelowF4() {
    Random random = new Random(42);
    for (int n = 0; n < 20_000; n++) {
      byte[] data = new byte[random.nextInt(8)];
      for (int i = 0; i < data.length; i++) {
        int lead = random.nextInt(0xf4);
        int continuation = 0x80 + random.nextInt(0x40);
        data[i] = (byte) (random.nextBoolean() ? lead : continuation);
      }
      assertThat(matches("validateUtf8Encoding", "", ByteStrings.of(data)))
          .as("bytes %s", HexFormat.ofDelimiter(" ").formatHex(data))
          .isEqualTo(!decodesFully(data));
    }
  }

  private static boolean decodesFully(byte[] data) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(data));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
