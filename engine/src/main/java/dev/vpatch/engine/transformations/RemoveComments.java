package dev.vpatch.engine.transformations;

/**
 * {@code removeComments}: removes C comments and HTML comments ({@code <!-- -->}, which may also be
 * closed by the other kind's terminator), and cuts the value at "--" or '#' (SQL line comments). An
 * unterminated comment becomes one space.
 *
 * <p>libmodsecurity 3.0.9 copies the byte after a comment terminator without looking at it, so that
 * byte never opens a comment ("/*a*{@code /}/*b*{@code /}" keeps "/*b*{@code /}") and, at the very
 * end, a NUL byte is emitted ("a/*b*{@code /}" gives "a\0"). That is kept here.
 */
public final class RemoveComments implements Transformation {
  @Override
  public String apply(String input) {
    if (!mayContainComment(input)) {
      return input;
    }
    int length = input.length();
    LazyOutput out = new LazyOutput(input);
    boolean inComment = false;
    int i = 0;
    while (i < length) {
      if (!inComment) {
        if (input.startsWith("/*", i)) {
          inComment = true;
          i += 2;
        } else if (input.startsWith("<!--", i)) {
          inComment = true;
          i += 4;
        } else if (input.startsWith("--", i) || input.charAt(i) == '#') {
          break;
        } else {
          out.append(input.charAt(i));
          i++;
        }
      } else {
        int terminator = input.startsWith("*/", i) ? 2 : input.startsWith("-->", i) ? 3 : 0;
        if (terminator == 0) {
          i++;
        } else {
          inComment = false;
          i += terminator;
          out.append(i < length ? input.charAt(i) : '\0');
          i++;
        }
      }
    }
    if (inComment) {
      out.append(' ');
    }
    return out.result();
  }

  private static boolean mayContainComment(String input) {
    for (int i = 0; i < input.length(); i++) {
      if (input.charAt(i) == '#' || input.startsWith("/*", i) || input.startsWith("<!--", i)
          || input.startsWith("--", i)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public long triggers() {
    return ByteClasses.of('/', '-', '#');
  }
}
