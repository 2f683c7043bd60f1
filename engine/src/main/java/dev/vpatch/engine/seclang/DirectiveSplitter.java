package dev.vpatch.engine.seclang;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one logical directive line into its words the way ModSecurity's configuration lexer
 * does: words are separated by whitespace; a word in double quotes may contain whitespace and
 * {@code \"} stands for a quote; every other backslash is kept as written (the operator and
 * action parsers give them meaning).
 */
final class DirectiveSplitter {
  private DirectiveSplitter() {}

  static List<String> split(String text, String file, int line) {
    List<String> words = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (isSpace(c)) {
        i++;
        continue;
      }
      StringBuilder word = new StringBuilder();
      if (c == '"') {
        i++;
        boolean closed = false;
        while (i < n) {
          char d = text.charAt(i);
          if (d == '\\' && i + 1 < n && text.charAt(i + 1) == '"') {
            word.append('"');
            i += 2;
          } else if (d == '"') {
            closed = true;
            i++;
            break;
          } else {
            word.append(d);
            i++;
          }
        }
        if (!closed) {
          throw new SecLangException(file, line, "unterminated double quote");
        }
        if (i < n && !isSpace(text.charAt(i))) {
          throw new SecLangException(
              file, line, "missing whitespace after closing quote near: " + excerpt(text, i));
        }
      } else {
        while (i < n && !isSpace(text.charAt(i))) {
          char d = text.charAt(i);
          if (d == '\\' && i + 1 < n && text.charAt(i + 1) == '"') {
            word.append('"');
            i += 2;
          } else {
            word.append(d);
            i++;
          }
        }
      }
      words.add(word.toString());
    }
    return words;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == 0x0b;
  }

  private static String excerpt(String text, int at) {
    return text.substring(at, Math.min(text.length(), at + 30));
  }
}
