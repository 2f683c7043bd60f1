package dev.vpatch.engine.operators;

import dev.vpatch.engine.transformations.ByteClasses;
import java.util.Arrays;

/**
 * {@code @validateByteRange}: matches when the input holds a byte outside the allowed list, written
 * as comma-separated values and ranges ({@code 9,10,13,32-126}). Empty list entries are ignored,
 * as ModSecurity ignores them; any other malformed entry is a load error.
 */
public final class ValidateByteRangeOperator implements Operator {
  private final boolean[] allowed = new boolean[256];
  private final long triggers;

  public ValidateByteRangeOperator(OperatorArgument argument) {
    for (String entry : argument.text().split(",", -1)) {
      if (entry.isBlank()) continue;
      int dash = entry.indexOf('-', firstNonSpace(entry) + 1);
      int start = parseByte(dash < 0 ? entry : entry.substring(0, dash), entry);
      int end = dash < 0 ? start : parseByte(entry.substring(dash + 1), entry);
      if (start > end) throw new IllegalArgumentException("invalid byte range: " + entry.strip());
      Arrays.fill(allowed, start, end + 1, true);
    }
    triggers = ByteClasses.holdingAny(b -> !allowed[b]);
  }

  /** The classes of the refused bytes (CRS's 1-255 refuses NUL alone, which few values hold). */
  @Override
  public long triggers() {
    return triggers;
  }

  @Override
  public boolean matches(MatchContext context, String input) {
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      if (c > 0xff || !allowed[c]) return true;
    }
    return false;
  }

  private static int firstNonSpace(String entry) {
    int i = 0;
    while (i < entry.length() && Character.isWhitespace(entry.charAt(i))) i++;
    return i;
  }

  private static int parseByte(String text, String entry) {
    String digits = text.strip();
    int end = 0;
    while (end < digits.length() && Character.isDigit(digits.charAt(end)) && end < 4) end++;
    if (end == 0) {
      throw new IllegalArgumentException(
          "not a byte value: '" + text.strip() + "' in " + entry.strip());
    }
    int value = Integer.parseInt(digits.substring(0, end));
    if (value > 255) {
      throw new IllegalArgumentException("byte value out of range 0-255: " + value);
    }
    return value;
  }
}
