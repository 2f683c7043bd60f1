package dev.vpatch.engine.transformations;

import java.util.Arrays;

/**
 * The output of a transformation that reads its input left to right. As long as the output is a
 * prefix of the input nothing is copied; the first differing byte allocates the buffer. {@link
 * #result()} then returns the input instance itself (or a substring) when nothing changed, which
 * keeps the common, benign case allocation-free.
 */
final class LazyOutput {
  private final String input;
  private char[] buffer;
  private int length;

  LazyOutput(String input) {
    this.input = input;
  }

  /** An output that already holds the first {@code unchangedPrefix} bytes of {@code input}. */
  LazyOutput(String input, int unchangedPrefix) {
    this.input = input;
    this.length = unchangedPrefix;
  }

  void append(char c) {
    if (buffer == null) {
      if (length < input.length() && input.charAt(length) == c) {
        length++;
        return;
      }
      buffer = new char[Math.max(16, input.length() + 16)];
      input.getChars(0, length, buffer, 0);
    } else if (length == buffer.length) {
      buffer = Arrays.copyOf(buffer, buffer.length * 2);
    }
    buffer[length++] = c;
  }

  /**
   * Appends the input's bytes {@code [from, to)}: while the output is still the input's prefix up
   * to {@code from}, it only grows that prefix, else one bulk copy.
   */
  void appendInput(int from, int to) {
    if (buffer == null && length == from) {
      length = to;
      return;
    }
    int count = to - from;
    if (buffer == null) {
      buffer = new char[Math.max(16, input.length() + 16)];
      input.getChars(0, length, buffer, 0);
    }
    if (length + count > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + count));
    }
    input.getChars(from, to, buffer, length);
    length += count;
  }

  void append(String s) {
    for (int i = 0; i < s.length(); i++) {
      append(s.charAt(i));
    }
  }

  int length() {
    return length;
  }

  char charAt(int index) {
    return buffer == null ? input.charAt(index) : buffer[index];
  }

  /** Shortens the output to {@code newLength} bytes. */
  void truncate(int newLength) {
    length = newLength;
  }

  String result() {
    if (buffer == null) {
      return length == input.length() ? input : input.substring(0, length);
    }
    return new String(buffer, 0, length);
  }

  /** The result cut at its first NUL, as C code that hands back a NUL-terminated buffer does. */
  String resultUpToNul() {
    for (int i = 0; i < length; i++) {
      if (charAt(i) == 0) {
        truncate(i);
        break;
      }
    }
    return result();
  }
}
