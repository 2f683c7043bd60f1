package dev.vpatch.engine.operators.regex;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;

/**
 * Rewrites a PCRE pattern into RE2 syntax with the same meaning over byte strings, as ModSecurity
 * v3 compiles it: DOTALL and MULTILINE on, no UTF mode, C-locale character tables (only ASCII
 * letters fold case, {@code \s} includes VT).
 *
 * <p>Constructs with a safe RE2 equivalent are rewritten: possessive quantifiers and atomic groups
 * become plain ones (they can only turn a non-match into a match, never the reverse), {@code \Z},
 * {@code \h}, {@code \v}, {@code \R}, {@code \e}, {@code \cX}, octal escapes, {@code (?x)} and
 * character classes (emitted as explicit byte ranges so RE2's Unicode folding of Latin-1 letters
 * cannot widen them). Constructs without one (lookarounds, backreferences, recursion, verbs) raise
 * {@link UnsupportedPcreException}; the caller then falls back to a bounded backtracker.
 */
final class PcreTranslator {
  private static final int CASELESS = 1;
  private static final int MULTILINE = 2;
  private static final int DOTALL = 4;
  private static final int EXTENDED = 8;
  private static final int UNGREEDY = 16;

  private final String pattern;
  private final StringBuilder out;
  private final Deque<Integer> savedFlags = new ArrayDeque<>();
  private int pos;
  private int flags = MULTILINE | DOTALL;
  private int groupCount;
  private boolean multilineCaret;

  /** The RE2 pattern, and whether it holds a multiline {@code ^} (see {@link Re2Pattern}). */
  record Translation(String re2, boolean multilineCaret) {}

  private PcreTranslator(String pattern) {
    this.pattern = pattern;
    this.out = new StringBuilder(pattern.length() + 16);
  }

  /** The RE2 pattern equivalent to {@code pcre}. */
  static Translation translate(String pcre) throws UnsupportedPcreException {
    PcreTranslator translator = new PcreTranslator(pcre);
    String re2 = translator.run();
    return new Translation(re2, translator.multilineCaret);
  }

  private String run() throws UnsupportedPcreException {
    out.append("(?sm)");
    while (pos < pattern.length()) {
      translateNext();
    }
    return out.toString();
  }

  private void translateNext() throws UnsupportedPcreException {
    char c = pattern.charAt(pos);
    if ((flags & EXTENDED) != 0 && skipExtendedWhitespaceOrComment(c)) return;
    pos++;
    switch (c) {
      case '\\' -> translateEscape();
      case '[' -> translateClass();
      case '(' -> openGroup();
      case ')' -> closeGroup();
      case '*', '+', '?' -> {
        out.append(c);
        quantifierSuffix();
      }
      case '{' -> translateBrace();
      case '$' -> out.append((flags & MULTILINE) != 0 ? "$" : "(?:\\n?\\z)");
      case '^' -> {
        multilineCaret |= (flags & MULTILINE) != 0;
        out.append(c);
      }
      case '.', '|' -> out.append(c);
      default -> emitLiteral(c);
    }
  }

  private boolean skipExtendedWhitespaceOrComment(char c) {
    if (c == ' ' || (c >= '\t' && c <= '\r')) {
      pos++;
      return true;
    }
    if (c == '#') {
      while (pos < pattern.length() && pattern.charAt(pos) != '\n') pos++;
      return true;
    }
    return false;
  }

  /** After a quantifier: possessive {@code +} is dropped, lazy {@code ?} kept. */
  private void quantifierSuffix() {
    if (pos < pattern.length()) {
      char next = pattern.charAt(pos);
      if (next == '+') {
        pos++;
      } else if (next == '?') {
        out.append('?');
        pos++;
      }
    }
  }

  private void translateBrace() {
    int end = pos;
    while (end < pattern.length() && isDigit(pattern.charAt(end))) end++;
    boolean valid = end > pos;
    if (valid && end < pattern.length() && pattern.charAt(end) == ',') {
      end++;
      while (end < pattern.length() && isDigit(pattern.charAt(end))) end++;
    }
    valid = valid && end < pattern.length() && pattern.charAt(end) == '}';
    if (!valid) {
      out.append("\\{");
      return;
    }
    out.append('{').append(pattern, pos, end + 1);
    pos = end + 1;
    quantifierSuffix();
  }

  private void openGroup() throws UnsupportedPcreException {
    if (peek() == '*') throw new UnsupportedPcreException("backtracking control verb (*...)");
    if (peek() != '?') {
      groupCount++;
      savedFlags.push(flags);
      out.append('(');
      return;
    }
    pos++;
    char kind = peek();
    switch (kind) {
      case ':', '>' -> {
        pos++;
        savedFlags.push(flags);
        out.append("(?:");
      }
      case '=', '!' -> throw new UnsupportedPcreException("lookahead");
      case '#' -> {
        int close = pattern.indexOf(')', pos);
        if (close < 0) throw new UnsupportedPcreException("unterminated comment");
        pos = close + 1;
      }
      case '|' -> throw new UnsupportedPcreException("branch reset group");
      case '<' -> {
        char after = charAt(pos + 1);
        if (after == '=' || after == '!') throw new UnsupportedPcreException("lookbehind");
        pos++;
        namedGroup('>');
      }
      case '\'' -> {
        pos++;
        namedGroup('\'');
      }
      case 'P' -> {
        if (charAt(pos + 1) != '<') throw new UnsupportedPcreException("named reference (?P=...)");
        pos += 2;
        namedGroup('>');
      }
      default -> translateFlagGroup();
    }
  }

  private void namedGroup(char terminator) throws UnsupportedPcreException {
    int end = pattern.indexOf(terminator, pos);
    if (end < 0) throw new UnsupportedPcreException("unterminated group name");
    groupCount++;
    savedFlags.push(flags);
    out.append("(?P<").append(pattern, pos, end).append('>');
    pos = end + 1;
  }

  private void translateFlagGroup() throws UnsupportedPcreException {
    StringBuilder on = new StringBuilder();
    StringBuilder off = new StringBuilder();
    int newFlags = flags;
    boolean negative = false;
    while (true) {
      if (pos >= pattern.length()) throw new UnsupportedPcreException("unterminated group");
      char c = pattern.charAt(pos++);
      if (c == ')' || c == ':') {
        String re2Flags = on + (off.length() > 0 ? "-" + off : "");
        if (c == ')') {
          flags = newFlags;
          if (!re2Flags.isEmpty()) out.append("(?").append(re2Flags).append(')');
        } else {
          savedFlags.push(flags);
          flags = newFlags;
          out.append("(?").append(re2Flags).append(':');
        }
        return;
      }
      if (c == '-' && !negative) {
        negative = true;
        continue;
      }
      int bit = switch (c) {
        case 'i' -> CASELESS;
        case 'm' -> MULTILINE;
        case 's' -> DOTALL;
        case 'x' -> EXTENDED;
        case 'U' -> UNGREEDY;
        default -> throw new UnsupportedPcreException("group or option (?" + c);
      };
      newFlags = negative ? newFlags & ~bit : newFlags | bit;
      if (bit != EXTENDED) (negative ? off : on).append(c);
    }
  }

  private void closeGroup() {
    if (!savedFlags.isEmpty()) flags = savedFlags.pop();
    out.append(')');
  }

  private void translateEscape() throws UnsupportedPcreException {
    if (pos >= pattern.length()) throw new UnsupportedPcreException("\\ at end of pattern");
    char e = pattern.charAt(pos++);
    switch (e) {
      case 'd', 'D', 'w', 'W', 'b', 'B', 'A', 'z' -> out.append('\\').append(e);
      case 's' -> out.append("[\\t-\\r ]");
      case 'S' -> out.append("[^\\t-\\r ]");
      case 'h' -> out.append("[\\t \\x{a0}]");
      case 'H' -> out.append("[^\\t \\x{a0}]");
      case 'v' -> out.append("[\\n-\\r\\x{85}]");
      case 'V' -> out.append("[^\\n-\\r\\x{85}]");
      case 'R' -> out.append("(?:\\r\\n|[\\n-\\r\\x{85}])");
      case 'Z' -> out.append("(?:\\n?\\z)");
      case 'N' -> {
        if (peek() == '{') throw new UnsupportedPcreException("\\N{...}");
        out.append("[^\\n]");
      }
      case 'Q' -> {
        int end = pattern.indexOf("\\E", pos);
        int stop = end < 0 ? pattern.length() : end;
        for (int i = pos; i < stop; i++) emitLiteral(pattern.charAt(i));
        pos = end < 0 ? stop : end + 2;
      }
      case 'E' -> {}
      case 'p', 'P' -> copyPropertyEscape(e);
      case '1', '2', '3', '4', '5', '6', '7', '8', '9' -> translateDigitEscape(e);
      default -> {
        int value = characterEscape(e);
        if (value < 0) throw new UnsupportedPcreException("escape \\" + e);
        emitLiteral(value);
      }
    }
  }

  /** PCRE reads {@code \N} as a backreference when N < 10 or N groups exist, else as octal. */
  private void translateDigitEscape(char first) throws UnsupportedPcreException {
    int start = pos - 1;
    int end = start;
    while (end < pattern.length() && isDigit(pattern.charAt(end))) end++;
    int number = Integer.parseInt(pattern.substring(start, Math.min(end, start + 6)));
    if (number < 10 || number <= groupCount || first >= '8') {
      throw new UnsupportedPcreException("backreference \\" + number);
    }
    pos = start;
    emitLiteral(readOctalDigits(3));
  }

  private void copyPropertyEscape(char e) throws UnsupportedPcreException {
    out.append('\\').append(e);
    if (peek() == '{') {
      int end = pattern.indexOf('}', pos);
      if (end < 0) throw new UnsupportedPcreException("unterminated \\p{");
      out.append(pattern, pos, end + 1);
      pos = end + 1;
    } else if (pos < pattern.length()) {
      out.append(pattern.charAt(pos++));
    }
  }

  /**
   * The byte value of a single-character escape whose letter was just read (pos is after it), or
   * -1 when {@code e} is not one. Shared by escapes inside and outside classes.
   */
  private int characterEscape(char e) throws UnsupportedPcreException {
    switch (e) {
      case 'a':
        return 0x07;
      case 'e':
        return 0x1b;
      case 'f':
        return 0x0c;
      case 'n':
        return 0x0a;
      case 'r':
        return 0x0d;
      case 't':
        return 0x09;
      case '0':
        pos--;
        return readOctalDigits(3);
      case 'o':
        return readBracedNumber(8);
      case 'x':
        if (peek() == '{') return readBracedNumber(16);
        return readHexDigits();
      case 'c':
        if (pos >= pattern.length()) throw new UnsupportedPcreException("\\c at end of pattern");
        char control = Character.toUpperCase(pattern.charAt(pos++));
        if (control > 0x7f) throw new UnsupportedPcreException("\\c followed by a non-ASCII byte");
        return control ^ 0x40;
      default:
        if (e >= 0x80 || !Character.isLetterOrDigit(e)) return e;
        return -1;
    }
  }

  private int readOctalDigits(int max) {
    int value = 0;
    int read = 0;
    while (read < max && pos < pattern.length()) {
      char c = pattern.charAt(pos);
      if (c < '0' || c > '7') break;
      value = value * 8 + (c - '0');
      pos++;
      read++;
    }
    return value & 0xff;
  }

  private int readHexDigits() {
    int value = 0;
    for (int read = 0; read < 2 && pos < pattern.length(); read++) {
      int digit = Character.digit(pattern.charAt(pos), 16);
      if (digit < 0) break;
      value = value * 16 + digit;
      pos++;
    }
    return value;
  }

  private int readBracedNumber(int radix) throws UnsupportedPcreException {
    if (peek() != '{') throw new UnsupportedPcreException("expected { after escape");
    int end = pattern.indexOf('}', pos);
    if (end < 0) throw new UnsupportedPcreException("unterminated escape");
    int value;
    try {
      value = Integer.parseInt(pattern.substring(pos + 1, end), radix);
    } catch (NumberFormatException e) {
      throw new UnsupportedPcreException("bad number in escape");
    }
    if (value > 0xff) throw new UnsupportedPcreException("character above 0xFF in non-UTF mode");
    pos = end + 1;
    return value;
  }

  private void translateClass() throws UnsupportedPcreException {
    boolean negate = false;
    if (peek() == '^') {
      negate = true;
      pos++;
    }
    BitSet set = new BitSet(256);
    boolean first = true;
    while (true) {
      if (pos >= pattern.length()) throw new UnsupportedPcreException("missing ]");
      char c = pattern.charAt(pos);
      if (c == ']' && !first) {
        pos++;
        break;
      }
      first = false;
      if (c == '[' && charAt(pos + 1) == ':') {
        addPosixClass(set);
        continue;
      }
      int low = classAtom(set);
      if (low < 0) continue;
      if (peek() == '-' && pos + 1 < pattern.length() && pattern.charAt(pos + 1) != ']') {
        pos++;
        int high = classAtom(set);
        if (high < 0) {
          set.set(low);
          set.set('-');
        } else if (high < low) {
          throw new UnsupportedPcreException("range out of order in character class");
        } else {
          set.set(low, high + 1);
        }
      } else {
        set.set(low);
      }
    }
    if ((flags & CASELESS) != 0) foldAsciiLetters(set);
    if (negate) set.flip(0, 256);
    emitClass(set);
  }

  /** Reads one class member: returns its byte, or -1 after adding a whole set (like \d) itself. */
  private int classAtom(BitSet set) throws UnsupportedPcreException {
    char c = pattern.charAt(pos++);
    if (c != '\\') return c;
    if (pos >= pattern.length()) throw new UnsupportedPcreException("\\ at end of pattern");
    char e = pattern.charAt(pos++);
    switch (e) {
      case 'd', 'D', 'w', 'W', 's', 'S', 'h', 'H', 'v', 'V' -> {
        addEscapeSet(set, e);
        return -1;
      }
      case 'b' -> {
        return 0x08;
      }
      case '1', '2', '3', '4', '5', '6', '7' -> {
        pos--;
        return readOctalDigits(3);
      }
      default -> {
        int value = characterEscape(e);
        if (value < 0) throw new UnsupportedPcreException("escape \\" + e + " in character class");
        return value;
      }
    }
  }

  private static void addEscapeSet(BitSet set, char e) {
    BitSet members = new BitSet(256);
    switch (Character.toLowerCase(e)) {
      case 'd' -> members.set('0', '9' + 1);
      case 'w' -> addWordBytes(members);
      case 's' -> {
        members.set('\t', '\r' + 1);
        members.set(' ');
      }
      case 'h' -> {
        members.set('\t');
        members.set(' ');
        members.set(0xa0);
      }
      default -> { // v
        members.set('\n', '\r' + 1);
        members.set(0x85);
      }
    }
    if (Character.isUpperCase(e)) members.flip(0, 256);
    set.or(members);
  }

  private static void addWordBytes(BitSet members) {
    members.set('0', '9' + 1);
    members.set('A', 'Z' + 1);
    members.set('a', 'z' + 1);
    members.set('_');
  }

  private void addPosixClass(BitSet set) throws UnsupportedPcreException {
    int end = pattern.indexOf(":]", pos + 2);
    if (end < 0) throw new UnsupportedPcreException("unterminated POSIX class");
    String name = pattern.substring(pos + 2, end);
    boolean negated = name.startsWith("^");
    if (negated) name = name.substring(1);
    BitSet members = new BitSet(256);
    switch (name) {
      case "alpha" -> {
        members.set('A', 'Z' + 1);
        members.set('a', 'z' + 1);
      }
      case "digit" -> members.set('0', '9' + 1);
      case "alnum" -> {
        members.set('0', '9' + 1);
        members.set('A', 'Z' + 1);
        members.set('a', 'z' + 1);
      }
      case "upper" -> members.set('A', 'Z' + 1);
      case "lower" -> members.set('a', 'z' + 1);
      case "space" -> {
        members.set('\t', '\r' + 1);
        members.set(' ');
      }
      case "blank" -> {
        members.set('\t');
        members.set(' ');
      }
      case "punct" -> {
        members.set('!', '/' + 1);
        members.set(':', '@' + 1);
        members.set('[', '`' + 1);
        members.set('{', '~' + 1);
      }
      case "print" -> members.set(0x20, 0x7f);
      case "graph" -> members.set(0x21, 0x7f);
      case "cntrl" -> {
        members.set(0, 0x20);
        members.set(0x7f);
      }
      case "xdigit" -> {
        members.set('0', '9' + 1);
        members.set('A', 'F' + 1);
        members.set('a', 'f' + 1);
      }
      case "word" -> addWordBytes(members);
      case "ascii" -> members.set(0, 0x80);
      default -> throw new UnsupportedPcreException("unknown POSIX class [:" + name + ":]");
    }
    if (negated) members.flip(0, 256);
    set.or(members);
    pos = end + 2;
  }

  private static void foldAsciiLetters(BitSet set) {
    for (char c = 'a'; c <= 'z'; c++) {
      char upper = (char) (c - 32);
      if (set.get(c) || set.get(upper)) {
        set.set(c);
        set.set(upper);
      }
    }
  }

  /** Emits explicit ranges; inside (?-i:) so RE2 does not add Latin-1 case variants. */
  private void emitClass(BitSet set) {
    boolean caseless = (flags & CASELESS) != 0;
    if (caseless) out.append("(?-i:");
    if (set.isEmpty()) {
      out.append("[^\\x00-\\x{10ffff}]");
    } else {
      out.append('[');
      int start = set.nextSetBit(0);
      while (start >= 0) {
        int end = set.nextClearBit(start) - 1;
        appendClassChar(start);
        if (end > start) {
          if (end > start + 1) out.append('-');
          appendClassChar(end);
        }
        start = set.nextSetBit(end + 1);
      }
      out.append(']');
    }
    if (caseless) out.append(')');
  }

  private void appendClassChar(int c) {
    if (c < 0x80 && Character.isLetterOrDigit(c)) {
      out.append((char) c);
    } else {
      appendHex(c);
    }
  }

  private void emitLiteral(int c) {
    if (c >= 0x80 || c < 0x20 || c == 0x7f) {
      boolean caseless = (flags & CASELESS) != 0 && c >= 0x80;
      if (caseless) out.append("(?-i:");
      appendHex(c);
      if (caseless) out.append(')');
    } else if (Character.isLetterOrDigit(c) || c == '_' || c == ' ') {
      out.append((char) c);
    } else {
      out.append('\\').append((char) c);
    }
  }

  private void appendHex(int c) {
    out.append("\\x{").append(Integer.toHexString(c)).append('}');
  }

  private char peek() {
    return charAt(pos);
  }

  private char charAt(int index) {
    return index < pattern.length() ? pattern.charAt(index) : '\0';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
