package dev.vpatch.patches.generator;

import java.util.List;

/**
 * The legitimate shape of a parameter's value, for positive (allow-list) patches. {@link #regex}
 * is anchored and linear-time; everything it does not match is refused.
 */
public interface InputShape {
  /** Anchored regular expression every legitimate value matches. */
  String regex();

  /** For messages: "an integer 1-99999". */
  String describe();

  /** The spec that {@link InputShapes#parse} reads back, e.g. "integer:1-99999". */
  String spec();

  /** A few legitimate values, for the patch's benign tests. */
  List<String> samples();

  /** Extra numeric bounds beyond the regex, or null. */
  default long[] numericBounds() {
    return null;
  }
}
