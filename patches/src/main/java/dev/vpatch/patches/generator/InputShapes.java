package dev.vpatch.patches.generator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads shape specs ("integer:1-99999", "uuid", "enum:a,b", "date", "email", "charset:alpha+digit+-_:1-32") and infers shapes from benign samples. */
public final class InputShapes {
  private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,18}");
  private static final int ENUM_MAX_VALUES = 8;

  private InputShapes() {}

  public static InputShape parse(String spec) {
    String text = spec == null ? "" : spec.trim();
    int colon = text.indexOf(':');
    String kind = (colon < 0 ? text : text.substring(0, colon)).toLowerCase(Locale.ROOT);
    String argument = colon < 0 ? "" : text.substring(colon + 1);
    switch (kind) {
      case "uuid":
        return PatternShape.UUID;
      case "date":
        return PatternShape.DATE;
      case "email":
        return PatternShape.EMAIL;
      case "integer":
      case "int": {
        if (argument.isEmpty()) {
          return new IntegerShape(0, 999_999_999L);
        }
        int dash = argument.indexOf('-', 1);
        if (dash < 0) {
          throw new IllegalArgumentException("integer shape '" + spec + "' must be integer:MIN-MAX, e.g. integer:1-99999");
        }
        return new IntegerShape(Long.parseLong(argument.substring(0, dash)), Long.parseLong(argument.substring(dash + 1)));
      }
      case "enum":
        return new EnumShape(List.of(argument.split(",")));
      case "charset": {
        int lastColon = argument.lastIndexOf(':');
        if (lastColon < 0) {
          throw new IllegalArgumentException("charset shape '" + spec + "' must be charset:CLASSES:MIN-MAX");
        }
        String[] length = argument.substring(lastColon + 1).split("-");
        boolean alpha = false;
        boolean digit = false;
        boolean space = false;
        StringBuilder punctuation = new StringBuilder();
        for (String part : argument.substring(0, lastColon).split("\\+")) {
          switch (part) {
            case "alpha" -> alpha = true;
            case "digit" -> digit = true;
            case "space" -> space = true;
            default -> punctuation.append(part);
          }
        }
        return new CharsetShape(alpha, digit, space, punctuation.toString(), Integer.parseInt(length[0]),
            Integer.parseInt(length[length.length - 1]));
      }
      default:
        throw new IllegalArgumentException("unknown input shape '" + spec
            + "': use integer:MIN-MAX, uuid, enum:A,B,C, date, email or charset:CLASSES:MIN-MAX");
    }
  }

  /**
   * The narrowest shape all samples fit, with headroom: integers get a range up to the next power
   * of ten above the largest sample, text up to twice the longest sample.
   */
  public static InputShape infer(List<String> samples) {
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("cannot infer an input shape from no samples");
    }
    if (samples.stream().allMatch(s -> INTEGER.matcher(s).matches())) {
      long min = samples.stream().mapToLong(Long::parseLong).min().orElseThrow();
      long max = samples.stream().mapToLong(Long::parseLong).max().orElseThrow();
      long ceiling = 9;
      while (ceiling < max && ceiling < 999_999_999_999_999_999L / 10) {
        ceiling = ceiling * 10 + 9;
      }
      return new IntegerShape(Math.min(min, 0) < 0 ? -ceiling : 0, ceiling);
    }
    for (PatternShape fixed : List.of(PatternShape.UUID, PatternShape.DATE, PatternShape.EMAIL)) {
      Pattern pattern = Pattern.compile(fixed.regex());
      if (samples.stream().allMatch(s -> pattern.matcher(s).matches())) {
        return fixed;
      }
    }
    Set<String> distinct = new LinkedHashSet<>(samples);
    if (samples.size() >= 2 * distinct.size() && distinct.size() <= ENUM_MAX_VALUES
        && distinct.stream().allMatch(s -> s.matches("[A-Za-z0-9._ -]+"))) {
      return new EnumShape(new ArrayList<>(distinct));
    }
    boolean alpha = false;
    boolean digit = false;
    boolean space = false;
    StringBuilder punctuation = new StringBuilder();
    int longest = 0;
    int shortest = Integer.MAX_VALUE;
    for (String sample : samples) {
      longest = Math.max(longest, sample.length());
      shortest = Math.min(shortest, sample.length());
      for (char c : sample.toCharArray()) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
          alpha = true;
        } else if (c >= '0' && c <= '9') {
          digit = true;
        } else if (c == ' ') {
          space = true;
        } else if ("-_.,:@+/()!?".indexOf(c) >= 0) {
          if (punctuation.indexOf(String.valueOf(c)) < 0) {
            punctuation.append(c);
          }
        } else {
          throw new IllegalArgumentException("sample '" + sample + "' holds '" + c
              + "', which no positive shape allows: give the shape explicitly or use a negative patch");
        }
      }
    }
    return new CharsetShape(alpha, digit, space, punctuation.toString(), shortest == 0 ? 0 : 1, Math.max(1, longest * 2));
  }
}
