package dev.vpatch.engine.transformations;

/** The one-letter C escapes both escapeSeqDecode and jsDecode understand. */
final class SimpleEscapes {
  private SimpleEscapes() {}

  /** The byte {@code \<letter>} stands for, or -1 if {@code letter} is not a, b, f, n, r, t or v. */
  static int of(char letter) {
    return switch (letter) {
      case 'a' -> 0x07;
      case 'b' -> 0x08;
      case 'f' -> 0x0c;
      case 'n' -> 0x0a;
      case 'r' -> 0x0d;
      case 't' -> 0x09;
      case 'v' -> 0x0b;
      default -> -1;
    };
  }
}
