package dev.vpatch.engine.bodies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.engine.ByteStrings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assertions;
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

  @Test
  void agreesWithAPiecewiseReferenceOnRandomInputFromTextAndFromBytes() {
    Random random = new Random(7);
    String alphabet = "%+=&;aF09gZ\0\u00ff\u0080 ";
    for (int round = 0; round < 5000; round++) {
      StringBuilder input = new StringBuilder();
      int length = random.nextInt(60);
      for (int i = 0; i < length; i++) {
        input.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      char separator = random.nextInt(4) == 0 ? ';' : '&';
      String text = input.toString();
      List<String> expected = new ArrayList<>();
      boolean expectedInvalid = reference(text, separator, expected);

      List<String> fromText = new ArrayList<>();
      UrlEncodedParser.Result textResult =
          UrlEncodedParser.parse(text, separator, (n, v) -> fromText.add(n + "=" + v));
      assertThat(fromText).as("%s", text).isEqualTo(expected);
      assertThat(textResult.invalidEncoding()).as("%s", text).isEqualTo(expectedInvalid);
      assertThat(textResult.accepted()).isEqualTo(expected.size());

      // Bytes past the given length (here a trailing "%zz&x") are not part of the input.
      byte[] bytes = ByteStrings.bytes(text + "%zz&x");
      List<String> fromBytes = new ArrayList<>();
      UrlEncodedParser.Result bytesResult =
          UrlEncodedParser.parse(bytes, text.length(), separator, (n, v) -> fromBytes.add(n + "=" + v));
      assertThat(fromBytes).as("%s", text).isEqualTo(expected);
      assertThat(bytesResult.invalidEncoding()).as("%s", text).isEqualTo(expectedInvalid);
    }
  }

  /** The rules of the class comment applied piece by piece, one substring at a time. */
  private static boolean reference(String input, char separator, List<String> out) {
    boolean invalid = false;
    int start = 0;
    while (start < input.length()) {
      int end = input.indexOf(separator, start);
      if (end < 0) {
        end = input.length();
      }
      String piece = input.substring(start, end);
      int equals = piece.indexOf('=');
      String name = equals < 0 ? piece : piece.substring(0, equals);
      String value = equals < 0 ? "" : piece.substring(equals + 1);
      StringBuilder decoded = new StringBuilder();
      for (String part : new String[] {name, value}) {
        for (int i = 0; i < part.length(); i++) {
          char c = part.charAt(i);
          if (c == '+') {
            decoded.append(' ');
          } else if (c == '%' && i + 2 < part.length()
              && Character.digit(part.charAt(i + 1), 16) >= 0 && Character.digit(part.charAt(i + 2), 16) >= 0
              && part.charAt(i + 1) < 0x80 && part.charAt(i + 2) < 0x80) {
            decoded.append((char) Integer.parseInt(part.substring(i + 1, i + 3), 16));
            i += 2;
          } else {
            invalid |= c == '%';
            decoded.append(c);
          }
        }
        decoded.append('=');
      }
      out.add(decoded.substring(0, decoded.length() - 1));
      start = end + 1;
    }
    return invalid;
  }

  @Test
  void aLargeBodyWithoutEqualsSignsOrWithOnlyEscapesParsesInLinearTime() {
    String pieces = "a&".repeat(500_000);
    String escapes = "%41+".repeat(250_000);
    Assertions.assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () -> {
          int[] count = {0};
          UrlEncodedParser.parse(pieces, '&', (n, v) -> ++count[0] > 0);
          assertThat(count[0]).isEqualTo(500_000);
          List<String> one = new ArrayList<>();
          UrlEncodedParser.parse(escapes, '&', (n, v) -> one.add(n));
          assertThat(one).hasSize(1);
          assertThat(one.get(0)).hasSize(500_000).startsWith("A A ");
        });
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
