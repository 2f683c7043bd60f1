package dev.vpatch.engine.transformations;

/**
 * {@code cmdLine}: normalises a command line against evasion. Drops {@code " ' \ ^}; turns each run
 * of space, ',', ';', \t, \r, \n into one space; drops a space right before '/' or '('; lowercases
 * ASCII letters.
 */
public final class CmdLine implements Transformation {
  @Override
  public String apply(String input) {
    LazyOutput out = new LazyOutput(input);
    boolean space = false;
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      switch (c) {
        case '"', '\'', '\\', '^' -> { }
        case ' ', ',', ';', '\t', '\r', '\n' -> {
          if (!space) {
            out.append(' ');
            space = true;
          }
        }
        case '/', '(' -> {
          if (space) {
            out.truncate(out.length() - 1);
          }
          space = false;
          out.append(c);
        }
        default -> {
          out.append(CLocale.isUpper(c) ? (char) (c + ('a' - 'A')) : c);
          space = false;
        }
      }
    }
    return out.result();
  }

  @Override
  public long triggers() {
    return ByteClasses.UPPERCASE | ByteClasses.of('"', '\'', '\\', '^', ' ', ',', ';', '\t', '\r', '\n');
  }
}
