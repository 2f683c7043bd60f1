package dev.vpatch.engine.bodies;

import dev.vpatch.engine.ByteStrings;
import java.nio.charset.StandardCharsets;

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
 *
 * <p>Bodies reach the size limits, so the input is scanned once: every search for a separator,
 * {@code =}, {@code +} or {@code %} is a {@link String#indexOf} (vectorised) whose result is kept
 * until the parse passes it, a name or value without escapes is one substring, and decoding copies
 * the runs between escapes in bulk.
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

  private static final int NONE = Integer.MAX_VALUE;
  private static final byte[] HEX = new byte[256];

  static {
    java.util.Arrays.fill(HEX, (byte) -1);
    for (int i = 0; i < 10; i++) HEX['0' + i] = (byte) i;
    for (int i = 0; i < 6; i++) {
      HEX['a' + i] = (byte) (10 + i);
      HEX['A' + i] = (byte) (10 + i);
    }
  }

  /** The text being parsed; its bytes are made only when something needs decoding. */
  private final String text;
  private byte[] bytes;
  private byte[] scratch;
  private boolean invalid;
  /** The next {@code =}, {@code +} and {@code %} at or after the last search (NONE: no more). */
  private int nextEquals = -1;
  private int nextPlus = -1;
  private int nextPercent = -1;

  private UrlEncodedParser(String text, byte[] bytes) {
    this.text = text;
    this.bytes = bytes;
  }

  public static Result parse(String input, char separator, ArgumentConsumer consumer) {
    return new UrlEncodedParser(input, null).split(separator, consumer, 0);
  }

  /** Parses the first {@code length} bytes of {@code input}. */
  public static Result parse(byte[] input, int length, char separator, ArgumentConsumer consumer) {
    return new UrlEncodedParser(ByteStrings.of(input, 0, length), input).split(separator, consumer, 0);
  }

  /**
   * What {@link #parse(byte[], int, char, ArgumentConsumer)} returns for a consumer that accepts
   * the first {@code limit} arguments and refuses the next, without building any string.
   */
  public static Result scan(byte[] input, int length, char separator, int limit) {
    return new UrlEncodedParser(ByteStrings.of(input, 0, length), input).split(separator, null, limit);
  }

  /** Lenient URL decoding: {@code +} to space, valid {@code %XX} to its byte, the rest as is. */
  public static String decode(String input) {
    return new UrlEncodedParser(input, null).decode(0, input.length());
  }

  /** Splits into arguments for the consumer, or, when it is null, only checks escapes up to the limit. */
  private Result split(char separator, ArgumentConsumer consumer, int limit) {
    int accepted = 0;
    int length = text.length();
    int start = 0;
    while (start < length) {
      int end = text.indexOf(separator, start);
      if (end < 0) {
        end = length;
      }
      if (nextEquals < start) {
        nextEquals = next('=', start);
      }
      int nameEnd = Math.min(nextEquals, end);
      if (consumer == null) {
        checkEscapes(start, nameEnd);
        checkEscapes(nameEnd + 1, end);
        if (accepted >= limit) {
          return new Result(accepted, invalid, true);
        }
      } else {
        String name = decode(start, nameEnd);
        String value = nameEnd < end ? decode(nameEnd + 1, end) : "";
        if (!consumer.accept(name, value)) {
          return new Result(accepted, invalid, true);
        }
      }
      accepted++;
      start = end + 1;
    }
    return new Result(accepted, invalid, false);
  }

  private int next(char c, int from) {
    int found = text.indexOf(c, from);
    return found < 0 ? NONE : found;
  }

  /** The decoded text of {@code [from, to)}; notes an invalid escape in it. */
  private String decode(int from, int to) {
    int special = nextSpecial(from);
    if (special >= to) {
      return text.substring(from, to);
    }
    if (bytes == null) {
      bytes = ByteStrings.bytes(text);
    }
    if (scratch == null || scratch.length < to - from) {
      scratch = new byte[Math.max(to - from, 64)];
    }
    int out = 0;
    int run = from;
    while (special < to) {
      System.arraycopy(bytes, run, scratch, out, special - run);
      out += special - run;
      int after = special + 1;
      if (bytes[special] == '+') {
        scratch[out++] = ' ';
      } else if (isEscapeAt(special, to)) {
        scratch[out++] = (byte) (hexAt(special + 1) * 16 + hexAt(special + 2));
        after = special + 3;
      } else {
        invalid = true;
        scratch[out++] = '%';
      }
      run = after;
      special = nextSpecial(after);
    }
    System.arraycopy(bytes, run, scratch, out, to - run);
    out += to - run;
    return new String(scratch, 0, out, StandardCharsets.ISO_8859_1);
  }

  /** Notes an invalid escape in {@code [from, to)} as {@link #decode(int, int)} would. */
  private void checkEscapes(int from, int to) {
    for (int percent = nextPercentFrom(from); percent < to; percent = nextPercentFrom(percent + 1)) {
      invalid |= !isEscapeAt(percent, to);
    }
  }

  /** Whether the {@code %} at {@code percent} starts a valid escape that ends before {@code to}. */
  private boolean isEscapeAt(int percent, int to) {
    return percent + 2 < to && hexAt(percent + 1) >= 0 && hexAt(percent + 2) >= 0;
  }

  private int hexAt(int index) {
    char c = text.charAt(index);
    return c < HEX.length ? HEX[c] : -1;
  }

  private int nextPercentFrom(int from) {
    if (nextPercent < from) {
      nextPercent = next('%', from);
    }
    return nextPercent;
  }

  /** The first {@code +} or {@code %} at or after {@code from}, or NONE. */
  private int nextSpecial(int from) {
    if (nextPlus < from) {
      nextPlus = next('+', from);
    }
    return Math.min(nextPlus, nextPercentFrom(from));
  }
}
