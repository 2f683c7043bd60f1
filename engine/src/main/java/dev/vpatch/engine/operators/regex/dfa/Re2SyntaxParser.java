package dev.vpatch.engine.operators.regex.dfa;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the subset of RE2 syntax that {@code PcreTranslator} emits into a {@link RegexNode}, with
 * RE2/J's meaning over byte strings (chars 0x00–0xFF): flags {@code i m s U}, groups, classes with
 * {@code \x{..}} bounds, Perl classes, {@code ^ $ \A \z \b \B}, counted repetition. Anything else
 * (Unicode classes, {@code \Q}, {@code \C}, POSIX classes, ...) is rejected rather than guessed.
 *
 * <p>Case folding follows RE2's simple folding seen from bytes ({@link ByteCaseFolding}): 'k'
 * matches 'K' and the Kelvin sign, 0xE0 matches 0xC0; Perl classes are closed under it.
 */
final class Re2SyntaxParser {
  private static final int CASELESS = 1;
  private static final int MULTILINE = 2;
  private static final int DOTALL = 4;
  private static final int MAX_REPEAT = 1000;

  private static final ByteSet DIGITS = ByteSet.range('0', '9');
  private static final ByteSet RE2_SPACE =
      ByteSet.of('\t').with('\n').with('\f').with('\r').with(' ');

  private final String pattern;
  private int pos;

  private Re2SyntaxParser(String pattern) {
    this.pattern = pattern;
  }

  static RegexNode parse(String re2) throws UnsupportedSyntaxException {
    Re2SyntaxParser parser = new Re2SyntaxParser(re2);
    RegexNode node = parser.alternation(0);
    if (parser.pos != re2.length()) throw new UnsupportedSyntaxException("unbalanced )");
    return node;
  }

  /** Parses up to an unmatched ')' or the end; {@code flags} are those in force at the start. */
  private RegexNode alternation(int flags) throws UnsupportedSyntaxException {
    List<RegexNode> branches = new ArrayList<>();
    int[] scopeFlags = {flags};
    branches.add(concatenation(scopeFlags));
    while (pos < pattern.length() && pattern.charAt(pos) == '|') {
      pos++;
      branches.add(concatenation(scopeFlags));
    }
    return branches.size() == 1 ? branches.get(0) : new RegexNode.Alternation(branches);
  }

  /** A flag group like {@code (?i)} changes {@code flags[0]} for the rest of the enclosing group. */
  private RegexNode concatenation(int[] flags) throws UnsupportedSyntaxException {
    List<RegexNode> items = new ArrayList<>();
    while (pos < pattern.length()) {
      char c = pattern.charAt(pos);
      if (c == '|' || c == ')') break;
      if (pattern.startsWith("(?", pos) && isFlagOnlyGroup()) {
        flags[0] = readFlags(flags[0]);
        continue;
      }
      RegexNode atom = atom(flags[0]);
      items.add(quantified(atom));
    }
    if (items.isEmpty()) return new RegexNode.Empty();
    return items.size() == 1 ? items.get(0) : new RegexNode.Concatenation(items);
  }

  private boolean isFlagOnlyGroup() {
    int i = pos + 2;
    while (i < pattern.length() && "imsU-".indexOf(pattern.charAt(i)) >= 0) i++;
    return i < pattern.length() && pattern.charAt(i) == ')';
  }

  /** Reads {@code (?flags)} or the {@code (?flags:} opening; pos ends after ')' or ':'. */
  private int readFlags(int flags) throws UnsupportedSyntaxException {
    pos += 2;
    boolean negative = false;
    while (pos < pattern.length()) {
      char c = pattern.charAt(pos++);
      switch (c) {
        case ')', ':' -> {
          return flags;
        }
        case '-' -> negative = true;
        case 'i' -> flags = negative ? flags & ~CASELESS : flags | CASELESS;
        case 'm' -> flags = negative ? flags & ~MULTILINE : flags | MULTILINE;
        case 's' -> flags = negative ? flags & ~DOTALL : flags | DOTALL;
        case 'U' -> {} // greediness cannot change whether a match exists
        default -> throw new UnsupportedSyntaxException("flag " + c);
      }
    }
    throw new UnsupportedSyntaxException("unterminated flag group");
  }

  private RegexNode quantified(RegexNode atom) throws UnsupportedSyntaxException {
    RegexNode node = atom;
    while (pos < pattern.length()) {
      char c = pattern.charAt(pos);
      int min;
      int max;
      if (c == '*') {
        min = 0;
        max = -1;
        pos++;
      } else if (c == '+') {
        min = 1;
        max = -1;
        pos++;
      } else if (c == '?') {
        min = 0;
        max = 1;
        pos++;
      } else if (c == '{' && isCountedRepetition()) {
        int[] bounds = readCount();
        min = bounds[0];
        max = bounds[1];
      } else {
        break;
      }
      if (pos < pattern.length() && pattern.charAt(pos) == '?') pos++; // lazy: same match set
      node = new RegexNode.Repetition(node, min, max);
    }
    return node;
  }

  private boolean isCountedRepetition() {
    int i = pos + 1;
    int digits = 0;
    while (i < pattern.length() && isDigit(pattern.charAt(i))) {
      i++;
      digits++;
    }
    if (digits == 0) return false;
    if (i < pattern.length() && pattern.charAt(i) == ',') {
      i++;
      while (i < pattern.length() && isDigit(pattern.charAt(i))) i++;
    }
    return i < pattern.length() && pattern.charAt(i) == '}';
  }

  private int[] readCount() throws UnsupportedSyntaxException {
    int close = pattern.indexOf('}', pos);
    String body = pattern.substring(pos + 1, close);
    pos = close + 1;
    int comma = body.indexOf(',');
    int min = parseCount(comma < 0 ? body : body.substring(0, comma));
    int max;
    if (comma < 0) {
      max = min;
    } else if (comma == body.length() - 1) {
      max = -1;
    } else {
      max = parseCount(body.substring(comma + 1));
      if (max < min) throw new UnsupportedSyntaxException("bad repetition range");
    }
    return new int[] {min, max};
  }

  private static int parseCount(String digits) throws UnsupportedSyntaxException {
    if (digits.length() > 4 || Integer.parseInt(digits) > MAX_REPEAT) {
      throw new UnsupportedSyntaxException("repetition count above " + MAX_REPEAT);
    }
    return Integer.parseInt(digits);
  }

  private RegexNode atom(int flags) throws UnsupportedSyntaxException {
    char c = pattern.charAt(pos++);
    switch (c) {
      case '(' -> {
        return group(flags);
      }
      case '[' -> {
        return new RegexNode.Bytes(characterClass(flags));
      }
      case '.' -> {
        return new RegexNode.Bytes((flags & DOTALL) != 0 ? ByteSet.ALL : ByteSet.ALL.without('\n'));
      }
      case '^' -> {
        return new RegexNode.Assertion(
            (flags & MULTILINE) != 0 ? Conditions.BEGIN_LINE : Conditions.BEGIN_TEXT);
      }
      case '$' -> {
        return new RegexNode.Assertion(
            (flags & MULTILINE) != 0 ? Conditions.END_LINE : Conditions.END_TEXT);
      }
      case '\\' -> {
        return escape(flags);
      }
      case '*', '+', '?', ')' -> throw new UnsupportedSyntaxException("misplaced " + c);
      default -> {
        return new RegexNode.Bytes(literal(c, flags));
      }
    }
  }

  private RegexNode group(int flags) throws UnsupportedSyntaxException {
    int inner = flags;
    if (pattern.startsWith("?P<", pos)) {
      int close = pattern.indexOf('>', pos);
      if (close < 0) throw new UnsupportedSyntaxException("unterminated group name");
      pos = close + 1;
    } else if (pattern.startsWith("?:", pos)) {
      pos += 2;
    } else if (pos < pattern.length() && pattern.charAt(pos) == '?') {
      pos--;
      inner = readFlags(flags);
      if (pattern.charAt(pos - 1) != ':') throw new UnsupportedSyntaxException("group syntax");
    }
    RegexNode body = alternation(inner);
    if (pos >= pattern.length() || pattern.charAt(pos) != ')') {
      throw new UnsupportedSyntaxException("missing )");
    }
    pos++;
    return body;
  }

  private RegexNode escape(int flags) throws UnsupportedSyntaxException {
    if (pos >= pattern.length()) throw new UnsupportedSyntaxException("trailing \\");
    char e = pattern.charAt(pos);
    switch (e) {
      case 'A' -> {
        pos++;
        return new RegexNode.Assertion(Conditions.BEGIN_TEXT);
      }
      case 'z' -> {
        pos++;
        return new RegexNode.Assertion(Conditions.END_TEXT);
      }
      case 'b' -> {
        pos++;
        return new RegexNode.Assertion(Conditions.WORD_BOUNDARY);
      }
      case 'B' -> {
        pos++;
        return new RegexNode.Assertion(Conditions.NOT_WORD_BOUNDARY);
      }
      default -> {
        ByteSet perlClass = perlClass(e);
        if (perlClass != null) {
          pos++;
          return new RegexNode.Bytes(perlClass);
        }
        return new RegexNode.Bytes(literal(escapedChar(), flags));
      }
    }
  }

  /** RE2's ASCII Perl classes; each is closed under case folding, so flags do not matter. */
  private static ByteSet perlClass(char e) {
    return switch (e) {
      case 'd' -> DIGITS;
      case 'D' -> DIGITS.complement();
      case 'w' -> Conditions.WORD_BYTES;
      case 'W' -> Conditions.WORD_BYTES.complement();
      case 's' -> RE2_SPACE;
      case 'S' -> RE2_SPACE.complement();
      default -> null;
    };
  }

  /** Reads one escaped character after '\' (pos at the letter): its code point. */
  private int escapedChar() throws UnsupportedSyntaxException {
    char e = pattern.charAt(pos++);
    switch (e) {
      case 'x' -> {
        return hexEscape();
      }
      case 'a' -> {
        return 0x07;
      }
      case 'f' -> {
        return '\f';
      }
      case 't' -> {
        return '\t';
      }
      case 'n' -> {
        return '\n';
      }
      case 'r' -> {
        return '\r';
      }
      case 'v' -> {
        return 0x0b;
      }
      default -> {
        if (e < 0x80 && !Character.isLetterOrDigit(e)) return e;
        throw new UnsupportedSyntaxException("escape \\" + e);
      }
    }
  }

  private int hexEscape() throws UnsupportedSyntaxException {
    String digits;
    if (pos < pattern.length() && pattern.charAt(pos) == '{') {
      int close = pattern.indexOf('}', pos);
      if (close < 0) throw new UnsupportedSyntaxException("unterminated \\x{");
      digits = pattern.substring(pos + 1, close);
      pos = close + 1;
    } else {
      if (pos + 2 > pattern.length()) throw new UnsupportedSyntaxException("short \\x");
      digits = pattern.substring(pos, pos + 2);
      pos += 2;
    }
    if (digits.isEmpty() || digits.length() > 8) throw new UnsupportedSyntaxException("bad \\x");
    int value = 0;
    for (int i = 0; i < digits.length(); i++) {
      int digit = Character.digit(digits.charAt(i), 16);
      if (digit < 0) throw new UnsupportedSyntaxException("bad \\x");
      value = value * 16 + digit;
    }
    if (value > 0x10ffff) throw new UnsupportedSyntaxException("bad \\x");
    return value;
  }

  private ByteSet characterClass(int flags) throws UnsupportedSyntaxException {
    boolean negated = pos < pattern.length() && pattern.charAt(pos) == '^';
    if (negated) pos++;
    ByteSet members = ByteSet.NONE;
    boolean first = true;
    while (true) {
      if (pos >= pattern.length()) throw new UnsupportedSyntaxException("missing ]");
      char c = pattern.charAt(pos);
      if (c == ']' && !first) {
        pos++;
        break;
      }
      first = false;
      if (c == '[' && pos + 1 < pattern.length() && pattern.charAt(pos + 1) == ':') {
        throw new UnsupportedSyntaxException("POSIX class");
      }
      if (c == '\\' && pos + 1 < pattern.length() && perlClass(pattern.charAt(pos + 1)) != null) {
        members = members.union(perlClass(pattern.charAt(pos + 1)));
        pos += 2;
        continue;
      }
      int low = classChar();
      int high = low;
      if (pos + 1 < pattern.length() && pattern.charAt(pos) == '-' && pattern.charAt(pos + 1) != ']') {
        pos++;
        high = classChar();
        if (high < low) throw new UnsupportedSyntaxException("bad class range");
      }
      members = members.union(range(low, high, flags));
    }
    return negated ? members.complement() : members;
  }

  /** One class member: a code point (it may lie above 0xFF, and then no byte is it). */
  private int classChar() throws UnsupportedSyntaxException {
    char c = pattern.charAt(pos++);
    if (c != '\\') return c;
    if (pos >= pattern.length()) throw new UnsupportedSyntaxException("trailing \\");
    return escapedChar();
  }

  /** The bytes matched by code points {@code low..high}. */
  private static ByteSet range(int low, int high, int flags) {
    return (flags & CASELESS) != 0
        ? ByteCaseFolding.bytesMatching(low, high)
        : ByteSet.range(low, high);
  }

  private static ByteSet literal(int c, int flags) {
    return range(c, c, flags);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
