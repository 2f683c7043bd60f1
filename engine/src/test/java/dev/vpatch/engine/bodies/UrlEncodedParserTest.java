package dev.vpatch.engine.bodies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UrlEncodedParserTest {
  private static List<String> parse(String input, char separator) {
    List<String> out = new ArrayList<>();
    UrlEncodedParser.parse(input, separator, (n, v) -> out.add(n + "=" + v));
    return out;
  }

  private static List<String> parse(String input) {
    return parse(input, '&');
  }

  @Test
  void splitsDecodesAndKeepsInvalidEscapesAsModSecurityDoes() {
    // Checked against libmodsecurity 3.0.9.
    assertThat(parse("a=1&b&=c&d=%zz%4&e=+%41%2b&&f==g&h=%u0041&%41=%00x&a+b=1;c=2&=&i=%&j=%4g%41"))
        .containsExactly(
            "a=1", "b=", "=c", "d=%zz%4", "e= A+", "=", "f==g", "h=%u0041", "A=\0x", "a b=1;c=2",
            "=", "i=%", "j=%4gA");
  }

  @Test
  void leadingAndInnerEmptyPiecesAreArgumentsButATrailingOneIsNot() {
    assertThat(parse("&a=1&")).containsExactly("=", "a=1");
    assertThat(parse("x&&=&y=")).containsExactly("x=", "=", "=", "y=");
    assertThat(parse("=")).containsExactly("=");
  }

  @Test
  void emptyInputHasNoArguments() {
    assertThat(parse("")).isEmpty();
  }

  @Test
  void usesTheConfiguredSeparator() {
    assertThat(parse("a=1;b=2&c=3", ';')).containsExactly("a=1", "b=2&c=3");
  }

  @Test
  void reportsInvalidEscapesInNamesAndValues() {
    assertThat(UrlEncodedParser.parse("a=%41", '&', (n, v) -> true).invalidEncoding()).isFalse();
    assertThat(UrlEncodedParser.parse("a=%4", '&', (n, v) -> true).invalidEncoding()).isTrue();
    assertThat(UrlEncodedParser.parse("%g0=1", '&', (n, v) -> true).invalidEncoding()).isTrue();
  }

  @Test
  void stopsWhenTheConsumerRefuses() {
    List<String> seen = new ArrayList<>();
    UrlEncodedParser.Result result =
        UrlEncodedParser.parse(
            "a=1&b=2&c=3",
            '&',
            (n, v) -> {
              if (seen.size() == 2) {
                return false;
              }
              seen.add(n);
              return true;
            });
    assertThat(seen).containsExactly("a", "b");
    assertThat(result.accepted()).isEqualTo(2);
    assertThat(result.stopped()).isTrue();
  }

  @Test
  void decodesEveryByteValueAndReturnsTheSameInstanceWhenNothingChanges() {
    for (int b = 0; b < 256; b++) {
      String escaped = String.format("%%%02X", b);
      assertThat(UrlEncodedParser.decode(escaped)).isEqualTo(String.valueOf((char) b));
      assertThat(UrlEncodedParser.decode(escaped.toLowerCase())).isEqualTo(String.valueOf((char) b));
    }
    String plain = "abc\u00ff\0";
    assertThat(UrlEncodedParser.decode(plain)).isSameAs(plain);
  }

  @Test
  void decodingNeverGrowsAndRoundTripsEncodedBytes() {
    Random random = new Random(42);
    for (int round = 0; round < 500; round++) {
      StringBuilder raw = new StringBuilder();
      StringBuilder encoded = new StringBuilder();
      int length = random.nextInt(40);
      for (int i = 0; i < length; i++) {
        char c = (char) random.nextInt(256);
        raw.append(c);
        encoded.append(String.format("%%%02x", (int) c));
      }
      assertThat(UrlEncodedParser.decode(encoded.toString())).isEqualTo(raw.toString());
      String noise = randomNoise(random);
      assertThat(UrlEncodedParser.decode(noise).length()).isLessThanOrEqualTo(noise.length());
    }
  }

  private static String randomNoise(Random random) {
    String alphabet = "%+aF09g&=\0\u00ff";
    StringBuilder out = new StringBuilder();
    int length = random.nextInt(30);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }
}
