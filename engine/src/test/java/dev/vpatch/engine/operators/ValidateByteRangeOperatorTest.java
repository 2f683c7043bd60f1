package dev.vpatch.engine.operators;

import static dev.vpatch.engine.operators.OperatorTesting.create;
import static dev.vpatch.engine.operators.OperatorTesting.matches;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ValidateByteRangeOperatorTest {
  @Test
  void matchesWhenAByteIsOutsideTheRanges() {
    String ranges = "9,10,13,32-126";
    assertThat(matches("validateByteRange", ranges, "hello world\r\n")).isFalse();
    assertThat(matches("validateByteRange", ranges, "tab\there")).isFalse();
    assertThat(matches("validateByteRange", ranges, "bell\u0007")).isTrue();
    assertThat(matches("validateByteRange", ranges, "\u007f")).isTrue();
    assertThat(matches("validateByteRange", ranges, "caf\u00c3\u00a9")).isTrue();
  }

  @Test
  void emptyInputIsValid() {
    assertThat(matches("validateByteRange", "32-126", "")).isFalse();
  }

  @Test
  void nulByteIsOutsideOneTo255() {
    assertThat(matches("validateByteRange", "1-255", "a\u0000b")).isTrue();
    assertThat(matches("validateByteRange", "1-255", "\u00ff\u0001")).isFalse();
    assertThat(matches("validateByteRange", "0-255", "\u0000")).isFalse();
  }

  @Test
  void singleValuesAndLenientSpacing() {
    assertThat(matches("validateByteRange", "65", "A")).isFalse();
    assertThat(matches("validateByteRange", "65", "B")).isTrue();
    assertThat(matches("validateByteRange", "65, 66 ,", "AB")).isFalse();
    assertThat(matches("validateByteRange", "38,44-46,48-58,61,65-90,95,97-122", "a=1&b.c"))
        .isFalse();
  }

  @Test
  void malformedRangesAreLoadErrors() {
    assertThatThrownBy(() -> create("validateByteRange", "a-z"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> create("validateByteRange", "10-300"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> create("validateByteRange", "20-10"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> create("validateByteRange", "256"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void triggersAreTheClassesOfTheRefusedBytesOrAnyWhenALetterOrDigitIsRefused() {
    assertThat(create("validateByteRange", "1-255").triggers())
        .isEqualTo(dev.vpatch.engine.transformations.ByteClasses.of('\0'));
    assertThat(create("validateByteRange", "0-255").triggers()).isZero();
    assertThat(create("validateByteRange", "0-64,91-255").triggers())
        .isEqualTo(dev.vpatch.engine.transformations.ByteClasses.UPPERCASE);
    assertThat(create("validateByteRange", "65-90").triggers())
        .isEqualTo(dev.vpatch.engine.transformations.ByteClasses.ANY);
  }
}
