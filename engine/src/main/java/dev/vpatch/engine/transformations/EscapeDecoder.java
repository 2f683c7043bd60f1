package dev.vpatch.engine.transformations;

/**
 * The scan shared by the decoders of escapes that start with one introducer byte (backslash for
 * escapeSeqDecode and jsDecode, '&' for htmlEntityDecode): bytes are copied until an introducer
 * with at least one byte after it, which the subclass decodes. A final lone introducer stays.
 */
abstract class EscapeDecoder implements Transformation {
  private final char introducer;
  private final long triggers;

  EscapeDecoder(char introducer) {
    this.introducer = introducer;
    this.triggers = ByteClasses.of(introducer);
  }

  @Override
  public final long triggers() {
    return triggers;
  }

  @Override
  public final String apply(String input) {
    int escape = input.indexOf(introducer);
    if (escape < 0) {
      return input;
    }
    int length = input.length();
    LazyOutput out = new LazyOutput(input);
    int i = 0;
    while (escape >= 0) {
      // The bytes up to the introducer go over as they are, in one run.
      out.appendInput(i, escape);
      int next = escape + 1 < length ? decodeEscape(input, escape, out) : -1;
      if (next < 0) {
        out.append(introducer);
        i = escape + 1;
      } else {
        i = next;
      }
      escape = input.indexOf(introducer, i);
    }
    out.appendInput(i, length);
    return out.result();
  }

  /**
   * Decodes the escape whose introducer is at {@code start} (a byte follows it) into {@code out};
   * returns the index after the escape, or -1 (writing nothing) when it is not one.
   */
  abstract int decodeEscape(String input, int start, LazyOutput out);

  /** How many octal digits (1 to {@code max}) start at {@code first}, which is one. */
  static int octalDigits(String input, int first, int max) {
    int digits = 1;
    while (digits < max && first + digits < input.length()
        && CLocale.isOctalDigit(input.charAt(first + digits))) {
      digits++;
    }
    return digits;
  }
}
