package dev.vpatch.engine.injection;

import java.util.Locale;
import java.util.Set;

/**
 * Detects HTML/JavaScript injection in a byte string the way libinjection does: tokenize the
 * input as HTML starting in each place reflected input may land (text, inside a tag, inside a
 * single-, double- or backtick-quoted attribute value) and look for what can run script: script
 * capable tags, event handler attributes, style attributes, script URLs, XML namespaces, IE
 * conditional comments and DOCTYPE/entity declarations. Linear in the input length.
 */
public final class XssDetector {
  /** Tags that run script or load active content themselves (compared ignoring NUL bytes). */
  private static final Set<String> DANGEROUS_TAGS = Set.of(
      "SCRIPT", "IFRAME", "FRAME", "FRAMESET", "OBJECT", "EMBED", "APPLET", "BASE", "LINK",
      "META", "STYLE", "IMPORT", "ISINDEX", "XML", "XSS", "HANDLER", "LISTENER", "VMLFRAME",
      "NOSCRIPT", "COMMENT");

  private enum AttributeKind { HARMLESS, ALWAYS, URL, STYLE, NAMES_ATTRIBUTE }

  private static final Set<String> URL_ATTRIBUTES = Set.of(
      "HREF", "SRC", "ACTION", "FORMACTION", "BACKGROUND", "DYNSRC", "LOWSRC", "POSTER",
      "FOLDER", "HANDLER", "FROM", "TO", "BY", "VALUES", "XLINK:HREF", "DATA", "CODEBASE");

  /** URL schemes that run script or show attacker-made documents. */
  private static final Set<String> DANGEROUS_SCHEMES = Set.of(
      "JAVASCRIPT", "VBSCRIPT", "LIVESCRIPT", "DATA", "VIEW-SOURCE", "MOCHA");

  private XssDetector() {}

  public static boolean isXss(String input) {
    if (input == null || input.isEmpty() || isPlain(input)) {
      return false;
    }
    for (HtmlTokenizer.Start start : HtmlTokenizer.Start.values()) {
      if (isXss(input, start)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the input has neither {@code <} nor {@code =}. Without {@code <} no tag, comment or
   * DOCTYPE opens in any start context (a {@code >} only leads back to text); without {@code =}
   * no attribute gets a value, and only a value can make an attribute dangerous (the value an
   * input starts in has no attribute name). So such input is never XSS; most benign values
   * (names, sentences, dates, e-mail addresses, JSON strings) are plain.
   */
  static boolean isPlain(String input) {
    return input.indexOf('<') < 0 && input.indexOf('=') < 0;
  }

  static boolean isXss(String input, HtmlTokenizer.Start start) {
    HtmlTokenizer html = new HtmlTokenizer(input, start);
    AttributeKind pending = AttributeKind.HARMLESS;
    while (html.next()) {
      switch (html.type) {
        case DOCTYPE:
          return true;
        case TAG_OPEN:
          if (isDangerousTag(normalizedName(html))) {
            return true;
          }
          break;
        case ATTRIBUTE_NAME:
          pending = attributeKind(normalizedName(html));
          continue;
        case ATTRIBUTE_VALUE:
          if (pending != AttributeKind.HARMLESS && isDangerousValue(pending, html)) {
            return true;
          }
          break;
        case COMMENT:
          if (isDangerousComment(html)) {
            return true;
          }
          break;
        default:
          break;
      }
      pending = AttributeKind.HARMLESS;
    }
    return false;
  }

  /** Upper-cased, without NUL bytes (old browsers ignored them inside names), at most 64 chars. */
  private static String normalizedName(HtmlTokenizer html) {
    String input = html.input();
    StringBuilder name = new StringBuilder(16);
    for (int i = html.start; i < html.end && name.length() < 64; i++) {
      char ch = input.charAt(i);
      if (ch != 0) {
        name.append(ch >= 'a' && ch <= 'z' ? (char) (ch - 32) : ch);
      }
    }
    return name.toString();
  }

  private static boolean isDangerousTag(String name) {
    if (name.length() < 3) {
      return false;
    }
    if (name.startsWith("SVG") || name.startsWith("XSL")) {
      return true; // SVG runs script in many ways; XSLT transforms the page
    }
    int colon = name.indexOf(':');
    String local = colon >= 0 ? name.substring(colon + 1) : name;
    return DANGEROUS_TAGS.contains(name) || DANGEROUS_TAGS.contains(local);
  }

  private static AttributeKind attributeKind(String name) {
    if (name.length() < 2) {
      return AttributeKind.HARMLESS;
    }
    if (name.length() >= 5 && name.startsWith("ON")) {
      return AttributeKind.ALWAYS; // event handlers, including ones browsers add later
    }
    if (name.startsWith("XMLNS") || name.startsWith("XLINK")) {
      return name.equals("XLINK:HREF") ? AttributeKind.URL : AttributeKind.ALWAYS;
    }
    if (name.equals("DATASRC") || name.equals("DATAFORMATAS") || name.equals("SRCDOC")) {
      return AttributeKind.ALWAYS;
    }
    if (name.equals("STYLE") || name.equals("FILTER")) {
      return AttributeKind.STYLE;
    }
    if (name.equals("ATTRIBUTENAME")) {
      return AttributeKind.NAMES_ATTRIBUTE;
    }
    return URL_ATTRIBUTES.contains(name) ? AttributeKind.URL : AttributeKind.HARMLESS;
  }

  private static boolean isDangerousValue(AttributeKind kind, HtmlTokenizer html) {
    return switch (kind) {
      case HARMLESS -> false;
      case ALWAYS, STYLE -> true;
      case URL -> isDangerousUrl(html.input(), html.start, html.end);
      case NAMES_ATTRIBUTE -> attributeKind(normalizedName(html).trim()) != AttributeKind.HARMLESS;
    };
  }

  /**
   * Whether a URL uses a script scheme. Browsers decode character references in attribute
   * values and ignore control characters, white space and NUL inside the scheme, so this does
   * too ("jav&#x09;ascript:").
   */
  static boolean isDangerousUrl(String value) {
    return isDangerousUrl(value, 0, value.length());
  }

  private static boolean isDangerousUrl(String value, int from, int length) {
    StringBuilder scheme = new StringBuilder(16);
    int i = from;
    while (i < length && scheme.length() <= 12) {
      int ch;
      if (value.charAt(i) == '&') {
        long decoded = decodeReference(value, i, length);
        ch = (int) (decoded >>> 32);
        i = (int) decoded;
      } else {
        ch = value.charAt(i);
        i++;
      }
      if (ch == ':') {
        return DANGEROUS_SCHEMES.contains(scheme.toString());
      }
      if (ch <= ' ' || ch >= 127 && scheme.length() == 0) {
        continue; // leading junk and embedded tabs, newlines, NULs
      }
      if (!(Character.isLetter(ch) || ch == '-')) {
        return false;
      }
      scheme.append(Character.toUpperCase((char) ch));
    }
    return false;
  }

  /**
   * Decodes a character reference at {@code index} (which holds '&'): numeric ones fully, named
   * ones only for the few that spell URL syntax. Returns the char in the high 32 bits and the
   * index after the reference in the low 32 bits.
   */
  private static long decodeReference(String value, int index, int length) {
    int i = index + 1;
    if (i < length && value.charAt(i) == '#') {
      i++;
      boolean hex = i < length && (value.charAt(i) == 'x' || value.charAt(i) == 'X');
      if (hex) {
        i++;
      }
      int digitsStart = i;
      long code = 0;
      while (i < length && i - digitsStart < 10) {
        int digit = Character.digit(value.charAt(i), hex ? 16 : 10);
        if (digit < 0) {
          break;
        }
        code = code * (hex ? 16 : 10) + digit;
        i++;
      }
      if (i == digitsStart) {
        return ((long) '&' << 32) | (index + 1);
      }
      if (i < length && value.charAt(i) == ';') {
        i++;
      }
      int ch = code > 0x10ffff ? 0xfffd : (int) code;
      return ((long) ch << 32) | i;
    }
    for (String[] named : NAMED_REFERENCES) {
      if (i + named[0].length() <= length && value.regionMatches(true, i, named[0], 0, named[0].length())) {
        return ((long) named[1].charAt(0) << 32) | (i + named[0].length());
      }
    }
    return ((long) '&' << 32) | (index + 1);
  }

  private static final String[][] NAMED_REFERENCES = {
    {"colon;", ":"}, {"tab;", "\t"}, {"newline;", "\n"}, {"lpar;", "("}, {"rpar;", ")"}
  };

  private static boolean isDangerousComment(HtmlTokenizer html) {
    for (int i = html.start; i < html.end; i++) {
      if (html.input().charAt(i) == '`') {
        return true; // IE ended tags at a backtick
      }
    }
    String upper = html.input().substring(html.start, Math.min(html.end, html.start + 8))
        .toUpperCase(Locale.ROOT);
    return upper.startsWith("[IF") // IE conditional comment
        || upper.startsWith("XML") // <?xml ...>: XML processing can load stylesheets, entities
        || upper.startsWith("IMPORT") // IE's <?import>
        || upper.startsWith("ENTITY"); // <!ENTITY ...>
  }
}
