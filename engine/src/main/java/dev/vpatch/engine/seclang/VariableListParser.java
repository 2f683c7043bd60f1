package dev.vpatch.engine.seclang;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses a rule's target list: variables separated by {@code |}; a key follows {@code :} and may be
 * a {@code /regex/} (which may itself contain {@code |}) or a single-quoted literal.
 */
public final class VariableListParser {
  private VariableListParser() {}

  public static List<VariableSpec> parse(String text, String file, int line) {
    List<VariableSpec> specs = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      while (i < n && (text.charAt(i) == '|' || Character.isWhitespace(text.charAt(i)))) i++;
      if (i >= n) break;
      boolean exclusion = false;
      boolean count = false;
      while (i < n && (text.charAt(i) == '!' || text.charAt(i) == '&')) {
        if (text.charAt(i) == '!') exclusion = true;
        else count = true;
        i++;
      }
      int nameStart = i;
      while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) i++;
      String name = text.substring(nameStart, i).toUpperCase(Locale.ROOT);
      if (name.isEmpty()) {
        throw new SecLangException(file, line, "invalid variable near: " + text.substring(nameStart));
      }
      String key = null;
      String keyRegex = null;
      if (i < n && (text.charAt(i) == ':' || text.charAt(i) == '.')) {
        i++;
        if (i < n && text.charAt(i) == '/' && !name.equals("XML")) {
          int end = regexEnd(text, i + 1);
          if (end < 0) throw new SecLangException(file, line, "unterminated regex key in " + text);
          keyRegex = text.substring(i + 1, end);
          i = end + 1;
        } else if (i < n && text.charAt(i) == '\'') {
          int end = text.indexOf('\'', i + 1);
          if (end < 0) throw new SecLangException(file, line, "unterminated quoted key in " + text);
          key = text.substring(i + 1, end);
          i = end + 1;
        } else {
          int keyStart = i;
          while (i < n && text.charAt(i) != '|') i++;
          key = text.substring(keyStart, i).strip();
        }
        if (key != null && key.isEmpty()) key = null;
      }
      if (i < n && text.charAt(i) != '|' && !Character.isWhitespace(text.charAt(i))) {
        throw new SecLangException(file, line, "unexpected '" + text.charAt(i) + "' in variable list " + text);
      }
      specs.add(new VariableSpec(name, key, keyRegex, count, exclusion));
    }
    if (specs.isEmpty()) throw new SecLangException(file, line, "rule has no variables");
    return specs;
  }

  /** The closing slash of a regex key: an unescaped '/' followed by '|' or the end. */
  private static int regexEnd(String text, int from) {
    for (int j = from; j < text.length(); j++) {
      char c = text.charAt(j);
      if (c == '\\') {
        j++;
        continue;
      }
      if (c == '/' && (j + 1 == text.length() || text.charAt(j + 1) == '|')) return j;
    }
    return -1;
  }
}
