package dev.vpatch.patches.generator;

import java.util.List;

/** A decimal integer in [min, max], no sign unless min is negative, no leading plus, no spaces. */
public record IntegerShape(long min, long max) implements InputShape {
  public IntegerShape {
    if (min > max) {
      throw new IllegalArgumentException("integer range " + min + "-" + max + " is empty");
    }
  }

  @Override
  public String regex() {
    int digits = Math.max(Long.toString(Math.abs(min)).length(), Long.toString(Math.abs(max)).length());
    return "^" + (min < 0 ? "-?" : "") + "[0-9]{1," + digits + "}$";
  }

  @Override
  public String describe() {
    return "an integer " + min + "-" + max;
  }

  @Override
  public String spec() {
    return "integer:" + min + "-" + max;
  }

  @Override
  public List<String> samples() {
    return List.of(Long.toString(min), Long.toString(max), Long.toString(min + (max - min) / 2));
  }

  @Override
  public long[] numericBounds() {
    return new long[] {min, max};
  }
}
