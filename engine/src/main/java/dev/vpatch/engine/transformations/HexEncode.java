package dev.vpatch.engine.transformations;

/** {@code hexEncode}: every byte as two lowercase hex digits. */
public final class HexEncode implements Transformation {
  @Override
  public String apply(String input) {
    if (input.isEmpty()) {
      return input;
    }
    char[] out = new char[input.length() * 2];
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      out[2 * i] = CLocale.lowerHexDigit(c >> 4);
      out[2 * i + 1] = CLocale.lowerHexDigit(c);
    }
    return new String(out);
  }
}
