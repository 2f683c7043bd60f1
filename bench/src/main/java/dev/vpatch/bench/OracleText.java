package dev.vpatch.bench;

/**
 * The deterministic filler text and URL encoding of the oracle's wrk scenarios
 * ({@code shared/oracle/wrk/common.lua}), reproduced so that the in-process benchmarks inspect
 * byte for byte what wrk sends to nginx + ModSecurity.
 */
public final class OracleText {
  private static final String[] WORDS = {
    "please", "deliver", "the", "parcel", "to", "back", "door", "of", "our", "house",
    "near", "garden", "gate", "ring", "bell", "twice", "leave", "it", "with",
    "neighbour", "at", "number", "twelve", "if", "nobody", "is", "home", "thanks",
    "a", "lot", "for", "quick", "service", "last", "order", "arrived", "early",
    "morning", "box", "was", "dry", "and", "clean", "we", "are", "happy", "customers",
  };

  private OracleText() {}

  /**
   * {@code oracle.text(n, seed)}: n words picked by a linear congruential generator. wrk runs it
   * in LuaJIT, whose numbers are doubles, so the product is rounded to a double before the
   * modulo exactly as here; integer arithmetic would pick other words.
   */
  public static String words(int count, int seed) {
    StringBuilder out = new StringBuilder(count * 6);
    double x = seed;
    for (int i = 0; i < count; i++) {
      x = (x * 1103515245.0 + 12345.0) % 2147483648.0;
      if (i > 0) {
        out.append(' ');
      }
      out.append(WORDS[(int) (x % WORDS.length)]);
    }
    return out.toString();
  }

  /**
   * common.lua's urlencode: ASCII letters, digits and {@code -._~} stay, space becomes {@code +},
   * every other byte {@code %XX} with upper-case hex. Input and output are byte strings.
   */
  public static String urlEncode(String value) {
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ' ') {
        out.append('+');
      } else if (isUnreserved(c)) {
        out.append(c);
      } else {
        out.append('%').append(hexDigit(c >> 4)).append(hexDigit(c & 0xF));
      }
    }
    return out.toString();
  }

  private static boolean isUnreserved(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~';
  }

  private static char hexDigit(int nibble) {
    return "0123456789ABCDEF".charAt(nibble & 0xF);
  }
}
