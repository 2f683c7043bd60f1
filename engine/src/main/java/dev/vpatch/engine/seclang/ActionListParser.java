package dev.vpatch.engine.seclang;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses a rule's action list ({@code id:1,phase:2,msg:'a, b',t:none}). Actions are separated by
 * commas; a value may be single-quoted, in which case it may contain commas and {@code \'} stands
 * for a quote. Whitespace around actions (left by line continuations) is ignored.
 */
public final class ActionListParser {
  private ActionListParser() {}

  public static List<ActionSpec> parse(String text, String file, int line) {
    List<ActionSpec> actions = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      while (i < n && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == ',')) i++;
      if (i >= n) break;
      int nameStart = i;
      while (i < n && text.charAt(i) != ':' && text.charAt(i) != ',') i++;
      String name = text.substring(nameStart, i).strip();
      if (name.isEmpty()) throw new SecLangException(file, line, "empty action name in: " + text);
      String value = null;
      if (i < n && text.charAt(i) == ':') {
        i++;
        while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) i++;
        if (i < n && text.charAt(i) == '\'') {
          i++;
          StringBuilder v = new StringBuilder();
          boolean closed = false;
          while (i < n) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < n && text.charAt(i + 1) == '\'') {
              v.append('\'');
              i += 2;
            } else if (c == '\'') {
              closed = true;
              i++;
              break;
            } else {
              v.append(c);
              i++;
            }
          }
          if (!closed) {
            throw new SecLangException(file, line, "unterminated quote in action '" + name + "'");
          }
          value = v.toString();
          while (i < n && text.charAt(i) != ',') {
            if (!Character.isWhitespace(text.charAt(i))) {
              throw new SecLangException(
                  file, line, "unexpected text after quoted value of action '" + name + "'");
            }
            i++;
          }
        } else {
          int valueStart = i;
          while (i < n && text.charAt(i) != ',') i++;
          value = text.substring(valueStart, i).strip();
        }
      }
      actions.add(new ActionSpec(name, value));
    }
    return actions;
  }
}
