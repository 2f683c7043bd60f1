package dev.vpatch.engine.variables;

/**
 * The decimal text of a count ({@code &ARGS}, {@code &TX:x}): CRS reads some forty counts per
 * request, nearly all small, so the texts of small counts are made once and shared.
 */
public final class CountText {
  private static final String[] SMALL = new String[1024];

  static {
    for (int i = 0; i < SMALL.length; i++) SMALL[i] = Integer.toString(i);
  }

  private CountText() {}

  public static String of(int count) {
    return count >= 0 && count < SMALL.length ? SMALL[count] : Integer.toString(count);
  }
}
