package dev.vpatch.engine.transformations;

import dev.vpatch.engine.ByteStrings;
import java.util.Arrays;

/**
 * The result of a transformation that wrote its output byte by byte into an array: the input
 * instance itself when the output is the same bytes (caches key on the instance, and an unchanged
 * value must stay the same instance), else a new byte string.
 */
final class ByteResult {
  private ByteResult() {}

  /**
   * @param input the transformation's input
   * @param inputBytes its bytes
   * @param output the output's bytes, {@code length} of them
   */
  static String of(String input, byte[] inputBytes, byte[] output, int length) {
    if (length == inputBytes.length && Arrays.equals(inputBytes, 0, length, output, 0, length)) {
      return input;
    }
    return ByteStrings.of(output, 0, length);
  }
}
