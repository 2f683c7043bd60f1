package dev.vpatch.engine.bodies;

/**
 * Splits {@code application/x-www-form-urlencoded} text (request bodies and query strings) into
 * arguments the way ModSecurity v3 does for ARGS:
 *
 * <ul>
 *   <li>pieces are split on the argument separator; empty pieces in front or in the middle become
 *       an argument with an empty name and value, a trailing empty piece is dropped;
 *   <li>a piece is split on its first {@code =}; without one the value is empty;
 *   <li>names and values are URL-decoded leniently: {@code +} is a space, a valid {@code %XX}
 *       escape is its byte, an invalid escape stays as it is and is reported.
 * </ul>
 *
 * All strings are byte strings.
 */
public final class UrlEncodedParser {
  /** Receives each argument; returns false to stop (e.g. when a limit is reached). */
  @FunctionalInterface
  public interface ArgumentConsumer {
    boolean accept(String name, String value);
  }

  /**
   * What a parse saw.
   *
   * @param accepted arguments the consumer accepted
   * @param invalidEncoding a {@code %} escape was invalid (ModSecurity's URLENCODED_ERROR)
   * @param stopped the consumer refused an argument, the rest were not parsed
   */
  public record Result(int accepted, boolean invalidEncoding, boolean stopped) {}

  private UrlEncodedParser() {}

  public static Result parse(String input, char separator, ArgumentConsumer consumer) {
    int accepted = 0;
    boolean invalid = false;
    int length = input.length();
    int start = 0;
    while (start < length) {
      int end = input.indexOf(separator, start);
      if (end < 0) {
        end = length;
      }
      int equals = input.indexOf('=', start);
      String rawName;
      String rawValue;
      if (equals < 0 || equals >= end) {
        rawName = input.substring(start, end);
        rawValue = "";
      } else {
        rawName = input.substring(start, equals);
        rawValue = input.substring(equals + 1, end);
      }
      invalid |= hasInvalidEscape(rawName) || hasInvalidEscape(rawValue);
      if (!consumer.accept(decode(rawName), decode(rawValue))) {
        return new Result(accepted, invalid, true);
      }
      accepted++;
      start = end + 1;
    }
    return new Result(accepted, invalid, false);
  }

  /** Lenient URL decoding: {@code +} to space, valid {@code %XX} to its byte, the rest as is. */
  public static String decode(String input) {
    int first = firstSpecial(input);
    if (first < 0) {
      return input;
    }
    int length = input.length();
    StringBuilder out = new StringBuilder(length);
    out.append(input, 0, first);
    for (int i = first; i < length; i++) {
      char c = input.charAt(i);
      if (c == '+') {
        out.append(' ');
      } else if (c == '%' && isValidEscapeAt(input, i)) {
        out.append((char) (hexValue(input.charAt(i + 1)) * 16 + hexValue(input.charAt(i + 2))));
        i += 2;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Whether {@code input} has a {@code %} not followed by two hex digits. */
  public static boolean hasInvalidEscape(String input) {
    for (int i = input.indexOf('%'); i >= 0; i = input.indexOf('%', i + 1)) {
      if (!isValidEscapeAt(input, i)) {
        return true;
      }
    }
    return false;
  }

  private static int firstSpecial(String input) {
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      if (c == '+' || c == '%') {
        return i;
      }
    }
    return -1;
  }

  private static boolean isValidEscapeAt(String input, int percent) {
    return percent + 2 < input.length()
        && hexValue(input.charAt(percent + 1)) >= 0
        && hexValue(input.charAt(percent + 2)) >= 0;
  }

  private static int hexValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
