package dev.vpatch.engine.operators;

import dev.vpatch.engine.transformations.ByteClasses;

/**
 * {@code @validateUrlEncoding}: matches when a {@code %} is not followed by two hexadecimal digits
 * (including a {@code %} too close to the end). An empty input is valid.
 */
public final class ValidateUrlEncodingOperator implements Operator {
  public ValidateUrlEncodingOperator(OperatorArgument argument) {}

  @Override
  public long triggers() {
    return ByteClasses.of('%');
  }

  @Override
  public boolean matches(MatchContext context, String input) {
    int i = 0;
    while (i < input.length()) {
      if (input.charAt(i) != '%') {
        i++;
        continue;
      }
      if (i + 2 >= input.length()) return true;
      if (!isHexDigit(input.charAt(i + 1)) || !isHexDigit(input.charAt(i + 2))) return true;
      i += 3;
    }
    return false;
  }

  private static boolean isHexDigit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
