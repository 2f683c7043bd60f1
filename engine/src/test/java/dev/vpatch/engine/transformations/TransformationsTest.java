package dev.vpatch.engine.transformations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TransformationsTest {
  private static final List<String> MODSECURITY_NAMES = List.of(
      "base64Decode", "base64DecodeExt", "base64Encode", "cmdLine", "compressWhitespace",
      "cssDecode", "escapeSeqDecode", "hexDecode", "hexEncode", "htmlEntityDecode", "jsDecode",
      "length", "lowercase", "md5", "normalisePath", "normalizePath", "normalisePathWin",
      "normalizePathWin", "parityEven7bit", "parityOdd7bit", "parityZero7bit", "removeComments",
      "removeCommentsChar", "removeNulls", "removeWhitespace", "replaceComments", "replaceNulls",
      "sha1", "sqlHexDecode", "trim", "trimLeft", "trimRight", "uppercase", "urlDecode",
      "urlDecodeUni", "urlEncode", "utf8toUnicode");

  /** Bytes that drive the decoders into their escapes, plus NUL, whitespace and high bytes. */
  private static final String INTERESTING = "%uU+x0X19afFgz\\&#;/*-<!>.=lt \t\n\r\u000b\0\u0080\u00a0"
      + "\u00c3\u00e2\u00ed\u00f0\u00f5\u00ff\u00bf";

  static List<String> names() {
    return MODSECURITY_NAMES;
  }

  @Test
  void registersEveryModSecurityNameAndNothingElse() {
    assertThat(Transformations.names())
        .containsExactlyInAnyOrderElementsOf(MODSECURITY_NAMES.stream().map(String::toLowerCase).toList());
  }

  @Test
  void looksNamesUpCaseInsensitively() {
    assertThat(Transformations.lookup("URLDECODEUNI")).isSameAs(Transformations.lookup("urlDecodeUni"));
    assertThat(Transformations.lookup("utf8ToUnicode")).isNotNull();
  }

  @Test
  void spellingsOfTheSamePathTransformationShareOneInstance() {
    assertThat(Transformations.lookup("normalisePath")).isSameAs(Transformations.lookup("normalizePath"));
    assertThat(Transformations.lookup("normalisePathWin"))
        .isSameAs(Transformations.lookup("normalizePathWin"));
  }

  @Test
  void leavesNoneAndUnknownNamesToTheCaller() {
    assertThat(Transformations.lookup("none")).isNull();
    assertThat(Transformations.lookup("urlDecodeX")).isNull();
  }

  @ParameterizedTest
  @MethodSource("names")
  void keepsByteStringsAndReturnsTheInputWhenNothingChanges(String name) {
    Transformation transformation = Transformations.lookup(name);
    Random random = new Random(name.hashCode());
    for (int n = 0; n < 3000; n++) {
      String input = randomInput(random);
      String output = transformation.apply(input);
      assertThat(output.chars().allMatch(c -> c <= 0xff))
          .as("%s(%s) is a byte string", name, TransformationAssertions.printable(input)).isTrue();
      assertThat(output.length()).isLessThanOrEqualTo(Math.max(40, input.length() * 9));
      if (output.equals(input)) {
        assertThat(output).as("%s(%s) returns its input", name, TransformationAssertions.printable(input))
            .isSameAs(input);
      }
    }
  }

  private static String randomInput(Random random) {
    int length = random.nextInt(24);
    StringBuilder input = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      input.append(random.nextInt(3) == 0 ? (char) random.nextInt(256)
          : INTERESTING.charAt(random.nextInt(INTERESTING.length())));
    }
    return input.toString();
  }
}
