package dev.vpatch.ftw.load;

import java.util.ArrayList;
import java.util.List;

/**
 * The part of Go's text/template that CRS tests use in {@code data}: actions that repeat a string,
 * {@code {{ "1" | repeat 64200 }}} or {@code {{ repeat 3 "ab" }}}, with optional {@code {{-}} and
 * {@code -}}} whitespace trimming. Text without actions is returned unchanged. Anything else is
 * rejected with a message rather than silently sent wrong.
 */
final class DataTemplate {
  /** Larger repeats would only exhaust memory; CRS needs 64 KB. */
  static final long MAX_EXPANDED_LENGTH = 64L * 1024 * 1024;

  private DataTemplate() {}

  static String expand(String template) {
    if (!template.contains("{{")) {
      return template;
    }
    StringBuilder out = new StringBuilder(template.length());
    int position = 0;
    while (true) {
      int open = template.indexOf("{{", position);
      if (open < 0) {
        out.append(template, position, template.length());
        return out.toString();
      }
      int close = template.indexOf("}}", open + 2);
      if (close < 0) {
        throw new IllegalArgumentException("unclosed template action at offset " + open);
      }
      String action = template.substring(open + 2, close);
      String text = template.substring(position, open);
      if (action.startsWith("-")) {
        text = text.stripTrailing();
        action = action.substring(1);
      }
      boolean trimAfter = action.endsWith("-");
      if (trimAfter) {
        action = action.substring(0, action.length() - 1);
      }
      out.append(text).append(evaluate(action.trim()));
      if (out.length() > MAX_EXPANDED_LENGTH) {
        throw new IllegalArgumentException("template expands beyond " + MAX_EXPANDED_LENGTH + " bytes");
      }
      position = close + 2;
      if (trimAfter) {
        while (position < template.length() && Character.isWhitespace(template.charAt(position))) {
          position++;
        }
      }
    }
  }

  private static String evaluate(String action) {
    List<String> tokens = tokens(action);
    // "s" | repeat n
    if (tokens.size() == 4 && isQuoted(tokens.get(0)) && tokens.get(1).equals("|")
        && tokens.get(2).equals("repeat")) {
      return repeat(unquote(tokens.get(0)), tokens.get(3), action);
    }
    // repeat n "s"
    if (tokens.size() == 3 && tokens.get(0).equals("repeat") && isQuoted(tokens.get(2))) {
      return repeat(unquote(tokens.get(2)), tokens.get(1), action);
    }
    // "s"
    if (tokens.size() == 1 && isQuoted(tokens.get(0))) {
      return unquote(tokens.get(0));
    }
    throw new IllegalArgumentException("unsupported template action {{" + action + "}}");
  }

  private static String repeat(String text, String count, String action) {
    long times;
    try {
      times = Long.parseLong(count);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("repeat count is not a number in {{" + action + "}}");
    }
    if (times < 0 || times * text.length() > MAX_EXPANDED_LENGTH) {
      throw new IllegalArgumentException("repeat count out of range in {{" + action + "}}");
    }
    return text.repeat((int) times);
  }

  private static List<String> tokens(String action) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < action.length()) {
      char c = action.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '"' || c == '`') {
        int end = closingQuote(action, i);
        tokens.add(action.substring(i, end + 1));
        i = end + 1;
      } else {
        int start = i;
        while (i < action.length() && !Character.isWhitespace(action.charAt(i))
            && action.charAt(i) != '"') {
          i++;
        }
        tokens.add(action.substring(start, i));
      }
    }
    return tokens;
  }

  private static int closingQuote(String action, int open) {
    char quote = action.charAt(open);
    for (int i = open + 1; i < action.length(); i++) {
      char c = action.charAt(i);
      if (c == '\\' && quote == '"') {
        i++;
      } else if (c == quote) {
        return i;
      }
    }
    throw new IllegalArgumentException("unterminated string in template action {{" + action + "}}");
  }

  private static boolean isQuoted(String token) {
    return token.length() >= 2 && (token.charAt(0) == '"' || token.charAt(0) == '`');
  }

  private static String unquote(String token) {
    String body = token.substring(1, token.length() - 1);
    if (token.charAt(0) == '`') {
      return body;
    }
    StringBuilder out = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c != '\\' || i + 1 == body.length()) {
        out.append(c);
        continue;
      }
      char next = body.charAt(++i);
      switch (next) {
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case '0' -> out.append('\0');
        default -> out.append(next);
      }
    }
    return out.toString();
  }
}
