package dev.vpatch.engine.transformations;

import java.util.function.IntPredicate;

/**
 * Which kinds of bytes a value holds, summed up in one {@code long}, so that a transformation can
 * tell from the summary alone that it would leave the value as it is (see {@link
 * Transformation#triggers}). A transaction summarises each value once and then skips, for a
 * benign value, almost every transformation of the CRS's chains without reading the value again.
 *
 * <p>Each ASCII punctuation and whitespace byte has a bit of its own; ASCII capitals, NUL, the
 * other control bytes, 0xA0 and the bytes above 0x7F have one bit per group (0xA0 is in both of
 * the last two); digits and lowercase letters have none, since no transformation changes them by
 * themselves. {@link #ANY} is set in every summary, so that a transformation that may change any
 * value says so with that bit alone.
 */
public final class ByteClasses {
  /** In every summary: the triggers of a transformation that may change any value. */
  public static final long ANY = Long.MIN_VALUE;

  private static final long[] OF_BYTE = new long[256];

  /** 'A' to 'Z'. */
  public static final long UPPERCASE;
  /** 0x80 to 0xFF. */
  public static final long NON_ASCII;
  /** The C locale's whitespace: space, \t, \n, \v, \f, \r. */
  public static final long WHITESPACE;

  static {
    int next = 0;
    for (int b = 0; b < 0x80; b++) {
      boolean punctuation = b > ' ' && b < 0x7f && !Character.isLetterOrDigit(b);
      boolean whitespace = b == ' ' || (b >= '\t' && b <= '\r');
      if (punctuation || whitespace || b == 0) OF_BYTE[b] = 1L << next++;
    }
    long uppercase = 1L << next++;
    long control = 1L << next++;
    long nonAscii = 1L << next++;
    long nbsp = 1L << next++;
    for (int b = 'A'; b <= 'Z'; b++) OF_BYTE[b] = uppercase;
    for (int b = 1; b < 0x80; b++) {
      if (OF_BYTE[b] == 0 && (b < ' ' || b == 0x7f)) OF_BYTE[b] = control;
    }
    for (int b = 0x80; b < 0x100; b++) OF_BYTE[b] = nonAscii;
    OF_BYTE[0xa0] = nonAscii | nbsp;
    if (next >= Long.SIZE - 1) throw new AssertionError("more byte classes than bits");
    UPPERCASE = uppercase;
    NON_ASCII = nonAscii;
    WHITESPACE = of(' ', '\t', '\n', '\u000b', '\f', '\r');
  }

  private ByteClasses() {}

  /** The summary of {@code value}: {@link #ANY} and the class of each of its bytes. */
  public static long of(String value) {
    long classes = ANY;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      classes |= c < 0x100 ? OF_BYTE[c] : NON_ASCII;
    }
    return classes;
  }

  /**
   * The classes a summary has when its value holds one of the bytes {@code selected} accepts,
   * without {@link #ANY}; {@link #ANY} when one of them is in no class (a digit or lower-case
   * letter), since then a summary cannot tell. 0 when it accepts none.
   */
  public static long holdingAny(IntPredicate selected) {
    long classes = 0;
    for (int b = 0; b < 0x100; b++) {
      if (!selected.test(b)) continue;
      if (OF_BYTE[b] == 0) return ANY;
      classes |= OF_BYTE[b];
    }
    return classes;
  }

  /** The classes of these bytes, without {@link #ANY}: how a transformation names its triggers. */
  public static long of(char... bytes) {
    long classes = 0;
    for (char b : bytes) classes |= b < 0x100 ? OF_BYTE[b] : NON_ASCII;
    return classes;
  }
}
