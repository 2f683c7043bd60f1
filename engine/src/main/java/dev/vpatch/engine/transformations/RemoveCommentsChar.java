package dev.vpatch.engine.transformations;

/**
 * {@code removeCommentsChar}: removes the comment markers themselves, not the text between them:
 * {@code /*}, {@code *}{@code /}, {@code <!--}, {@code -->}, {@code --} and {@code #}.
 */
public final class RemoveCommentsChar implements Transformation {
  @Override
  public String apply(String input) {
    int length = input.length();
    int i = 0;
    while (i < length && markerLength(input, i) == 0) {
      i++;
    }
    if (i == length) {
      return input;
    }
    LazyOutput out = new LazyOutput(input, i);
    while (i < length) {
      int marker = markerLength(input, i);
      if (marker > 0) {
        i += marker;
      } else {
        out.append(input.charAt(i));
        i++;
      }
    }
    return out.result();
  }

  private static int markerLength(String input, int i) {
    return switch (input.charAt(i)) {
      case '/' -> input.startsWith("/*", i) ? 2 : 0;
      case '*' -> input.startsWith("*/", i) ? 2 : 0;
      case '<' -> input.startsWith("<!--", i) ? 4 : 0;
      case '-' -> input.startsWith("-->", i) ? 3 : input.startsWith("--", i) ? 2 : 0;
      case '#' -> 1;
      default -> 0;
    };
  }

  @Override
  public long triggers() {
    return ByteClasses.of('/', '*', '-', '#');
  }
}
