package dev.vpatch.engine.transformations;

/**
 * {@code htmlEntityDecode}: &#DDD; &#xHH; and the five named entities ModSecurity knows (quot, amp,
 * lt, gt, nbsp; case-insensitive), each with or without the ';'. A numeric entity becomes the low
 * byte of its value (as C's strtol, saturating at 2^63-1); anything else stays as it is.
 */
public final class HtmlEntityDecode extends EscapeDecoder {
  public HtmlEntityDecode() {
    super('&');
  }

  @Override
  int decodeEscape(String input, int ampersand, LazyOutput out) {
    int end = decodeEntity(input, ampersand + 1, out);
    if (end < 0) {
      return -1;
    }
    return end < input.length() && input.charAt(end) == ';' ? end + 1 : end;
  }

  /**
   * Decodes the entity whose body starts at {@code start} (after '&') into {@code out}; returns the
   * index after its last digit or letter, or -1 when it is not an entity ModSecurity decodes.
   */
  private static int decodeEntity(String input, int start, LazyOutput out) {
    int length = input.length();
    if (input.charAt(start) != '#') {
      int end = start;
      while (end < length && CLocale.isAlnum(input.charAt(end))) {
        end++;
      }
      int decoded = named(input, start, end);
      if (decoded < 0) {
        return -1;
      }
      out.append((char) decoded);
      return end;
    }
    int j = start + 1;
    if (j >= length) {
      return -1;
    }
    int radix = 10;
    if (input.charAt(j) == 'x' || input.charAt(j) == 'X') {
      radix = 16;
      j++;
      if (j >= length) {
        return -1;
      }
    }
    int end = j;
    long value = 0;
    boolean saturated = false;
    while (end < length && digit(input.charAt(end), radix) >= 0) {
      int d = digit(input.charAt(end), radix);
      if (!saturated) {
        if (value > (Long.MAX_VALUE - d) / radix) {
          saturated = true;
        } else {
          value = value * radix + d;
        }
      }
      end++;
    }
    if (end == j) {
      return -1;
    }
    out.append((char) (saturated ? 0xff : value & 0xff));
    return end;
  }

  private static int digit(char c, int radix) {
    if (radix == 10) {
      return CLocale.isDigit(c) ? c - '0' : -1;
    }
    return CLocale.isHexDigit(c) ? CLocale.digitValue(c) : -1;
  }

  private static int named(String input, int start, int end) {
    return switch (end - start) {
      case 2 -> input.regionMatches(true, start, "lt", 0, 2) ? '<'
          : input.regionMatches(true, start, "gt", 0, 2) ? '>' : -1;
      case 3 -> input.regionMatches(true, start, "amp", 0, 3) ? '&' : -1;
      case 4 -> input.regionMatches(true, start, "quot", 0, 4) ? '"'
          : input.regionMatches(true, start, "nbsp", 0, 4) ? 0xa0 : -1;
      default -> -1;
    };
  }
}
