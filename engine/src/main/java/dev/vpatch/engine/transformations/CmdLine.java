package dev.vpatch.engine.transformations;

import dev.vpatch.engine.ByteStrings;

/**
 * {@code cmdLine}: normalises a command line against evasion. Drops {@code " ' \ ^}; turns each run
 * of space, ',', ';', \t, \r, \n into one space; drops a space right before '/' or '('; lowercases
 * ASCII letters.
 */
public final class CmdLine implements Transformation {
  @Override
  public String apply(String input) {
    byte[] in = ByteStrings.bytes(input);
    byte[] out = new byte[in.length];
    int o = 0;
    boolean space = false;
    for (byte b : in) {
      switch (b) {
        case '"', '\'', '\\', '^' -> { }
        case ' ', ',', ';', '\t', '\r', '\n' -> {
          if (!space) {
            out[o++] = ' ';
            space = true;
          }
        }
        case '/', '(' -> {
          if (space) {
            o--;
          }
          space = false;
          out[o++] = b;
        }
        default -> {
          out[o++] = b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
          space = false;
        }
      }
    }
    return ByteResult.of(input, in, out, o);
  }

  @Override
  public long triggers() {
    return ByteClasses.UPPERCASE | ByteClasses.of('"', '\'', '\\', '^', ' ', ',', ';', '\t', '\r', '\n');
  }
}
