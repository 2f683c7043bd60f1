package dev.vpatch.engine.transformations;

/** {@code removeNulls}: drops every NUL byte. */
public final class RemoveNulls implements Transformation {
  @Override
  public String apply(String input) {
    int start = input.indexOf('\0');
    if (start < 0) {
      return input;
    }
    char[] out = new char[input.length()];
    input.getChars(0, start, out, 0);
    int o = start;
    for (int i = start + 1; i < input.length(); i++) {
      char c = input.charAt(i);
      if (c != '\0') {
        out[o++] = c;
      }
    }
    return new String(out, 0, o);
  }

  @Override
  public long triggers() {
    return ByteClasses.of('\0');
  }
}
