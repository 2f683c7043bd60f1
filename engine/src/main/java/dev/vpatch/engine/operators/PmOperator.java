package dev.vpatch.engine.operators;

import dev.vpatch.engine.operators.ahocorasick.AhoCorasick;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code @pm}: case-insensitive search for any of the space-separated phrases of the argument. The
 * argument may be wrapped in double quotes, use {@code |41 42|} hex bytes and escape {@code \:},
 * {@code \;}, {@code \\} and {@code \"}, as in ModSecurity. With {@code capture}, TX:0 is the
 * phrase found.
 */
public final class PmOperator implements Operator, PhraseSearch {
  private final AhoCorasick phrases;

  public PmOperator(OperatorArgument argument) {
    this.phrases = AhoCorasick.caseInsensitive(parsePhrases(argument.text()));
  }

  @Override
  public boolean matches(MatchContext context, String input) {
    return PhraseMatch.report(context, phrases.firstMatch(input));
  }

  @Override
  public List<String> phrases() {
    return phrases.phrases();
  }

  /**
   * ModSecurity decodes the argument first and splits on whitespace afterwards (so a hex-encoded
   * space also separates phrases); on a bad escape it falls back to the raw argument.
   */
  static List<String> parsePhrases(String argument) {
    String decoded = decode(argument);
    List<String> phrases = new ArrayList<>();
    StringBuilder phrase = new StringBuilder();
    for (int i = 0; i <= decoded.length(); i++) {
      char c = i < decoded.length() ? decoded.charAt(i) : ' ';
      if (c == ' ' || (c >= '\t' && c <= '\r')) {
        if (phrase.length() > 0) phrases.add(phrase.toString());
        phrase.setLength(0);
      } else {
        phrase.append(c);
      }
    }
    return phrases;
  }

  private static String decode(String argument) {
    String text = argument;
    int start = 0;
    while (start < text.length() && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
      start++;
    }
    text = text.substring(start);
    if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
      text = text.substring(1, text.length() - 1);
    }
    StringBuilder out = new StringBuilder(text.length());
    boolean hex = false;
    int pendingNibble = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '|') {
        hex = !hex;
        pendingNibble = -1;
      } else if (hex) {
        int digit = Character.digit(c, 16);
        if (digit < 0 || c > 0x7f) continue;
        if (pendingNibble < 0) {
          pendingNibble = digit;
        } else {
          out.append((char) (pendingNibble * 16 + digit));
          pendingNibble = -1;
        }
      } else if (c == '\\') {
        char next = i + 1 < text.length() ? text.charAt(i + 1) : '\0';
        if (next != ':' && next != ';' && next != '\\' && next != '"') return argument;
        out.append(next);
        i++;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
