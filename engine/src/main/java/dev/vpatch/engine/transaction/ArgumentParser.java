package dev.vpatch.engine.transaction;

import dev.vpatch.engine.variables.KeyedValues;

/**
 * Splits a query string or urlencoded body into arguments the way ModSecurity does: on the
 * argument separator, names and values URL-decoded ({@code +} is a space, invalid escapes stay
 * as written), a parameter without {@code =} has an empty value.
 */
public final class ArgumentParser {
  private ArgumentParser() {}

  /** @return the number of arguments added, or -1 when the limit cut the list short */
  public static int parse(String text, char separator, int limit, KeyedValues into) {
    int added = 0;
    int start = 0;
    int n = text.length();
    while (start <= n) {
      int end = text.indexOf(separator, start);
      if (end < 0) end = n;
      if (end > start) {
        if (added >= limit) return -1;
        int eq = text.indexOf('=', start);
        String name;
        String value;
        if (eq < 0 || eq > end) {
          name = decode(text, start, end);
          value = "";
        } else {
          name = decode(text, start, eq);
          value = decode(text, eq + 1, end);
        }
        into.add(name, value);
        added++;
      }
      start = end + 1;
    }
    return added;
  }

  /** Percent-decoding only ({@code +} stays), for the path of REQUEST_FILENAME. */
  static String decodePath(String s) {
    if (s.indexOf('%') < 0) return s;
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
        out.append((char) (hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2))));
        i += 2;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  static String decode(String s, int from, int to) {
    int i = from;
    while (i < to && s.charAt(i) != '%' && s.charAt(i) != '+') i++;
    if (i == to) return s.substring(from, to);
    StringBuilder out = new StringBuilder(to - from);
    out.append(s, from, i);
    while (i < to) {
      char c = s.charAt(i);
      if (c == '+') {
        out.append(' ');
        i++;
      } else if (c == '%' && i + 2 < to && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
        out.append((char) (hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2))));
        i += 3;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }
}
