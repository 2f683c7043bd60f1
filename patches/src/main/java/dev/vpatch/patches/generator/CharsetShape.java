package dev.vpatch.patches.generator;

import java.util.ArrayList;
import java.util.List;

/**
 * Free text limited to a character set and a length. The set is a list of classes: "alpha"
 * (A-Z a-z), "digit", "space" (one 0x20), or single punctuation characters.
 */
public record CharsetShape(boolean alpha, boolean digit, boolean space, String punctuation, int minLength, int maxLength)
    implements InputShape {
  private static final String ALLOWED_PUNCTUATION = "-_.,:@+/()!?";

  public CharsetShape {
    punctuation = punctuation == null ? "" : punctuation;
    for (char c : punctuation.toCharArray()) {
      if (ALLOWED_PUNCTUATION.indexOf(c) < 0) {
        throw new IllegalArgumentException("character '" + c + "' cannot be allowed in a charset shape: use only "
            + ALLOWED_PUNCTUATION);
      }
    }
    if (!alpha && !digit && !space && punctuation.isEmpty()) {
      throw new IllegalArgumentException("a charset shape needs at least one character class");
    }
    if (minLength < 0 || maxLength < Math.max(1, minLength)) {
      throw new IllegalArgumentException("charset length " + minLength + "-" + maxLength + " is empty");
    }
  }

  @Override
  public String regex() {
    StringBuilder set = new StringBuilder();
    if (alpha) {
      set.append("A-Za-z");
    }
    if (digit) {
      set.append("0-9");
    }
    if (space) {
      set.append("\\x20");
    }
    for (char c : punctuation.toCharArray()) {
      set.append(c == '-' ? "\\-" : c == '/' ? "\\/" : String.valueOf(c));
    }
    return "^[" + set + "]{" + minLength + "," + maxLength + "}$";
  }

  @Override
  public String describe() {
    return "text of " + classes() + ", " + minLength + "-" + maxLength + " characters";
  }

  @Override
  public String spec() {
    return "charset:" + classes() + ":" + minLength + "-" + maxLength;
  }

  private String classes() {
    List<String> parts = new ArrayList<>();
    if (alpha) {
      parts.add("alpha");
    }
    if (digit) {
      parts.add("digit");
    }
    if (space) {
      parts.add("space");
    }
    if (!punctuation.isEmpty()) {
      parts.add(punctuation);
    }
    return String.join("+", parts);
  }

  @Override
  public List<String> samples() {
    StringBuilder sample = new StringBuilder();
    String pool = (alpha ? "Ab" : "") + (digit ? "12" : "") + punctuation;
    if (pool.isEmpty()) {
      pool = " ";
    }
    while (sample.length() < Math.max(1, Math.min(minLength + 2, maxLength))) {
      sample.append(pool.charAt(sample.length() % pool.length()));
    }
    return List.of(sample.toString());
  }
}
