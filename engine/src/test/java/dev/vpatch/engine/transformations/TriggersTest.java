package dev.vpatch.engine.transformations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A transformation's {@link Transformation#triggers()} lets the engine skip it on values without
 * those bytes, so the claim is checked against the transformation itself: values made only of the
 * other bytes (weighted towards the ones that drive escapes and comments) come back unchanged.
 */
class TriggersTest {
  /** The bytes most likely to expose a trigger left out: escape introducers, markers, whitespace. */
  private static final String INTERESTING = "%uU+xX0179afFgz\\&#;:,/*-<!>.='\"^()lt \t\n\r\u000b\f\0\u0001\u007f"
      + "\u0080\u00a0\u00c3\u00e2\u00ed\u00f0\u00f5\u00ff\u00bfAZ";

  static List<String> names() {
    return List.copyOf(Transformations.names());
  }

  @ParameterizedTest
  @MethodSource("names")
  void valuesWithoutTheTriggersComeBackUnchanged(String name) {
    Transformation transformation = Transformations.lookup(name);
    long triggers = transformation.triggers();
    if (triggers == ByteClasses.ANY) return; // claims nothing
    assertThat(triggers & ByteClasses.ANY).as("a claim leaves ANY out").isZero();
    char[] quiet = quietBytes(triggers);
    char[] quietInteresting = quietBytes(triggers, INTERESTING);
    for (int seed = 0; seed < 20; seed++) {
      Random random = new Random(seed * 7919L + name.hashCode());
      for (int n = 0; n < 500; n++) {
        char[] alphabet = random.nextBoolean() || quietInteresting.length == 0 ? quiet : quietInteresting;
        String value = randomValue(random, alphabet);
        assertThat(ByteClasses.of(value) & triggers).isZero();
        assertThat(transformation.apply(value))
            .as("%s of %s (seed %d)", name, escaped(value), seed)
            .isEqualTo(value);
      }
    }
  }

  @Test
  void everyTransformationThatClaimsTriggersChangesSomeValueWithThem() {
    // A claim of no trigger at all would skip the transformation on every value.
    for (String name : Transformations.names()) {
      assertThat(Transformations.lookup(name).triggers()).as(name).isNotZero();
    }
  }

  @Test
  void aSummaryHoldsAnyAndTheClassOfEachByte() {
    assertThat(ByteClasses.of("")).isEqualTo(ByteClasses.ANY);
    assertThat(ByteClasses.of("abc123")).isEqualTo(ByteClasses.ANY);
    assertThat(ByteClasses.of("a%b")).isEqualTo(ByteClasses.ANY | ByteClasses.of('%'));
    assertThat(ByteClasses.of("Ab")).isEqualTo(ByteClasses.ANY | ByteClasses.UPPERCASE);
    assertThat(ByteClasses.of("\u00e9")).isEqualTo(ByteClasses.ANY | ByteClasses.NON_ASCII);
    assertThat(ByteClasses.of("\u0100")).isEqualTo(ByteClasses.ANY | ByteClasses.NON_ASCII);
    assertThat(ByteClasses.of('\u00a0') & ByteClasses.NON_ASCII).isNotZero();
    assertThat(ByteClasses.of('\u00a0') & ~ByteClasses.NON_ASCII).isNotZero();
  }

  @Test
  void distinctPunctuationAndWhitespaceBytesHaveDistinctBits() {
    List<Long> bits = new ArrayList<>();
    for (char b = 0; b < 0x80; b++) {
      if (b > ' ' && b < 0x7f && Character.isLetterOrDigit(b)) continue;
      if (b != 0 && b != ' ' && (b < '\t' || b > '\r') && (b < ' ' || b == 0x7f)) continue; // one control class
      bits.add(ByteClasses.of(b));
    }
    assertThat(bits).doesNotHaveDuplicates().allSatisfy(bit -> assertThat(Long.bitCount(bit)).isEqualTo(1));
    assertThat(ByteClasses.of('a', 'z', '0', '9')).isZero();
  }

  private static char[] quietBytes(long triggers) {
    StringBuilder all = new StringBuilder();
    for (char b = 0; b < 0x100; b++) all.append(b);
    return quietBytes(triggers, all.toString());
  }

  private static char[] quietBytes(long triggers, String candidates) {
    StringBuilder quiet = new StringBuilder();
    for (char b : candidates.toCharArray()) {
      if ((ByteClasses.of(b) & triggers) == 0) quiet.append(b);
    }
    return quiet.toString().toCharArray();
  }

  private static String randomValue(Random random, char[] alphabet) {
    int length = random.nextInt(random.nextInt(8) == 0 ? 64 : 12);
    char[] value = new char[length];
    for (int i = 0; i < length; i++) value[i] = alphabet[random.nextInt(alphabet.length)];
    return new String(value);
  }

  private static String escaped(String value) {
    StringBuilder out = new StringBuilder();
    for (char c : value.toCharArray()) {
      out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c));
    }
    return out.toString();
  }
}
