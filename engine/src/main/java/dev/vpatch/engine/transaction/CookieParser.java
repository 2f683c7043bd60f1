package dev.vpatch.engine.transaction;

import dev.vpatch.engine.variables.KeyedValues;

/** Splits a Cookie header into REQUEST_COOKIES as ModSecurity v3 does: on ';', names trimmed, no decoding. */
final class CookieParser {
  private CookieParser() {}

  static void parse(String header, KeyedValues into) {
    int start = 0;
    int n = header.length();
    while (start < n) {
      int end = header.indexOf(';', start);
      if (end < 0) end = n;
      String pair = header.substring(start, end);
      int eq = pair.indexOf('=');
      String name = (eq < 0 ? pair : pair.substring(0, eq)).strip();
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      if (!name.isEmpty() || !value.isEmpty()) into.add(name, value);
      start = end + 1;
    }
  }
}
