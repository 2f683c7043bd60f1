package dev.vpatch.engine.operators.regex.dfa;

import java.util.Locale;
import java.util.Random;

/**
 * Seeded random byte strings aimed at a pattern: pieces of its own source (so literals and
 * keywords occur, in either case), random bytes 0x00–0xFF, newlines at the start, middle and end,
 * and word/non-word neighbours for {@code \b}.
 */
public final class RandomByteStrings {
  private static final String BOUNDARY_BYTES = " \n\r\t;'\"(<=/_-.:a0Z\u0000\u00e9\u00ff";

  private final Random random;

  public RandomByteStrings(long seed) {
    this.random = new Random(seed);
  }

  /** A string of up to about 60 bytes built from {@code fragments} and random bytes. */
  public String next(String fragments) {
    StringBuilder input = new StringBuilder();
    if (random.nextInt(8) == 0) input.append('\n');
    int parts = 1 + random.nextInt(5);
    for (int p = 0; p < parts; p++) {
      switch (random.nextInt(7)) {
        case 0, 1, 2 -> input.append(fragment(fragments));
        case 3 -> {
          for (int k = random.nextInt(4); k >= 0; k--) input.append((char) random.nextInt(256));
        }
        case 4 -> input.append('\n');
        default -> input.append(BOUNDARY_BYTES.charAt(random.nextInt(BOUNDARY_BYTES.length())));
      }
    }
    if (random.nextInt(6) == 0) input.append('\n');
    return input.toString();
  }

  private String fragment(String fragments) {
    if (fragments.isEmpty()) return "";
    int start = random.nextInt(fragments.length());
    int length = 1 + random.nextInt(14);
    String piece = fragments.substring(start, Math.min(fragments.length(), start + length));
    return switch (random.nextInt(3)) {
      case 0 -> piece.toUpperCase(Locale.ROOT);
      case 1 -> piece.toLowerCase(Locale.ROOT);
      default -> piece;
    };
  }
}
