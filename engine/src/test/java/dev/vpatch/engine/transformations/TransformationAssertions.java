package dev.vpatch.engine.transformations;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions shared by the transformation tests. */
final class TransformationAssertions {
  private TransformationAssertions() {}

  static Transformation named(String name) {
    Transformation transformation = Transformations.lookup(name);
    assertThat(transformation).as("transformation %s is registered", name).isNotNull();
    return transformation;
  }

  /** {@code name} turns {@code input} into {@code expected} (both byte strings). */
  static void transforms(String name, String input, String expected) {
    assertThat(named(name).apply(input)).as("%s(\"%s\")", name, printable(input))
        .isEqualTo(expected);
  }

  /** {@code name} leaves {@code input} as it is and returns the same instance. */
  static void keeps(String name, String input) {
    assertThat(named(name).apply(input)).as("%s(\"%s\")", name, printable(input)).isSameAs(input);
  }

  static String printable(String byteString) {
    StringBuilder out = new StringBuilder();
    for (char c : byteString.toCharArray()) {
      if (c >= 0x20 && c < 0x7f) {
        out.append(c);
      } else {
        out.append(String.format("\\x%02x", (int) c));
      }
    }
    return out.toString();
  }
}
