package dev.vpatch.engine.operators.regex;

/**
 * Adapts PCRE syntax to java.util.regex where the two read the same text differently: Java's
 * {@code \b} counts non-ASCII letters as word characters and Java has no POSIX bracket classes.
 */
final class JavaDialect {
  private static final String WORD = "[0-9A-Za-z_]";
  private static final String WORD_BOUNDARY =
      "(?:(?<=" + WORD + ")(?!" + WORD + ")|(?<!" + WORD + ")(?=" + WORD + "))";
  private static final String NOT_WORD_BOUNDARY =
      "(?:(?<=" + WORD + ")(?=" + WORD + ")|(?<!" + WORD + ")(?!" + WORD + "))";

  private JavaDialect() {}

  static String adapt(String pcre) {
    StringBuilder out = new StringBuilder(pcre.length() + 16);
    boolean inClass = false;
    int i = 0;
    while (i < pcre.length()) {
      char c = pcre.charAt(i);
      if (c == '\\' && i + 1 < pcre.length()) {
        char e = pcre.charAt(i + 1);
        if (!inClass && e == 'b') {
          out.append(WORD_BOUNDARY);
        } else if (!inClass && e == 'B') {
          out.append(NOT_WORD_BOUNDARY);
        } else {
          out.append(c).append(e);
        }
        i += 2;
        continue;
      }
      if (!inClass && c == '[') {
        inClass = true;
        out.append(c);
        i++;
        if (i < pcre.length() && pcre.charAt(i) == '^') out.append(pcre.charAt(i++));
        if (i < pcre.length() && pcre.charAt(i) == ']') {
          out.append("\\]");
          i++;
        }
        continue;
      }
      if (inClass && c == '[' && pcre.startsWith("[:", i)) {
        int end = pcre.indexOf(":]", i + 2);
        if (end > 0) {
          String name = pcre.substring(i + 2, end);
          boolean negated = name.startsWith("^");
          String property = javaProperty(negated ? name.substring(1) : name);
          if (property != null) {
            out.append(negated ? "\\P{" : "\\p{").append(property).append('}');
            i = end + 2;
            continue;
          }
          if (name.equals("word") || name.equals("^word")) {
            out.append(negated ? "\\W" : "\\w");
            i = end + 2;
            continue;
          }
        }
      }
      if (inClass && c == ']') inClass = false;
      out.append(c);
      i++;
    }
    return out.toString();
  }

  private static String javaProperty(String posixName) {
    return switch (posixName) {
      case "alpha" -> "Alpha";
      case "digit" -> "Digit";
      case "alnum" -> "Alnum";
      case "upper" -> "Upper";
      case "lower" -> "Lower";
      case "space" -> "Space";
      case "blank" -> "Blank";
      case "punct" -> "Punct";
      case "print" -> "Print";
      case "graph" -> "Graph";
      case "cntrl" -> "Cntrl";
      case "xdigit" -> "XDigit";
      case "ascii" -> "ASCII";
      default -> null;
    };
  }
}
