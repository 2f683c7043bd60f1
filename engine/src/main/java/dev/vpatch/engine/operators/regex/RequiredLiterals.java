package dev.vpatch.engine.operators.regex;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds literal strings that every match of a regular expression must contain, for a prefilter:
 * sets such that any match contains at least one member of each (compared ignoring ASCII case,
 * members are lower case). An empty result means "unknown": the pattern may match without
 * any fixed text. Conservative by construction: optional parts, classes too large to enumerate and
 * anything not understood contribute no knowledge.
 *
 * <p>It reads the RE2 syntax that {@link PcreTranslator} produces, which is a small normalized
 * subset (escaped punctuation, {@code \x{..}} bytes, explicit class ranges).
 */
final class RequiredLiterals {
  private static final int MAX_ALTERNATIVES = 64;
  /**
   * A class of up to this many bytes expands into one literal per member: 941120's separators
   * before "on" (25 bytes) make "(on", " on"... which JSON argument names ("json.") lack.
   */
  private static final int MAX_CLASS_SIZE = 32;
  /** Shortening a required set stops here: shorter literals occur in most text. */
  private static final int MIN_SHORTENED_LENGTH = 3;
  /**
   * A first set whose shortest member is at least this long already rejects most values; below
   * it (941210's "j", 932175's "s "), the other parts of the pattern add sets that must hold too.
   */
  private static final int WEAK_SET_LENGTH = 3;
  /** How many sets a conjunction keeps: each is one more check per value. */
  private static final int MAX_CONJUNCTS = 4;
  /** Letters from most to least common in English text, to tell rare sets from common ones. */
  private static final String LETTERS_BY_FREQUENCY = "etaoinshrdlcumwfgypbvkjxqz";

  /**
   * What is known of a sub-expression: all strings it can match ({@code exact}), strings one of
   * which every match contains ({@code required}), starts with ({@code prefix}) or ends with
   * ({@code suffix}); null where unknown. The prefix and suffix let a literal run continue across
   * a repetition: {@code \.{2,3}/} needs {@code ../}.
   */
  private record Info(
      Set<String> exact, Set<String> required, Set<String> prefix, Set<String> suffix, List<Set<String>> parts) {
    static final Info UNKNOWN = new Info(null, null, null, null);
    static final Info EMPTY = exactly(Set.of(""));

    /** {@code parts}: required sets of the sub-expressions a concatenation is made of, all of which hold. */
    Info(Set<String> exact, Set<String> required, Set<String> prefix, Set<String> suffix) {
      this(exact, required, prefix, suffix, List.of());
    }

    static Info exactly(Set<String> strings) {
      return new Info(strings, null, strings, strings);
    }

    Set<String> best() {
      Set<String> fromExact = usable(exact);
      if (fromExact != null) return better(fromExact, required);
      return better(better(required, usable(prefix)), usable(suffix));
    }

    /** Every set known to be required: {@link #best()} and the parts'. */
    List<Set<String>> allRequired() {
      Set<String> best = best();
      if (parts.isEmpty()) return best == null ? List.of() : List.of(best);
      List<Set<String>> all = new ArrayList<>(parts);
      if (best != null) all.add(best);
      return all;
    }
  }

  private final String re2;
  private int pos;

  private RequiredLiterals(String re2) {
    this.re2 = re2;
  }

  /** The required literals of the analysed pattern, or an empty set when there are none. */
  private static Set<String> bestOf(Info info) {
    Set<String> best = info == null ? null : info.best();
    return best == null ? Set.of() : minimal(best);
  }

  /** A required set as the prefilter takes it: immutable, no member containing another. */
  private static Set<String> minimal(Set<String> literals) {
    return Set.copyOf(withoutSuperstrings(literals));
  }

  /** What is known of the whole pattern, or null when its syntax is not understood. */
  private static Info analysed(String re2Pattern) {
    try {
      RequiredLiterals parser = new RequiredLiterals(re2Pattern);
      Info info = parser.alternation();
      return parser.pos == re2Pattern.length() ? info : null;
    } catch (RuntimeException unexpectedSyntax) {
      return null;
    }
  }

  /**
   * Sets of literals every match contains one member of each, the first being the most selective
   * single set of the translated pattern; when that one is weak (short members most text holds),
   * the sets of the pattern's other parts follow, the rarest first. 941210's obfuscated
   * "javascript" needs "j" or "&#", which every JSON argument name ("json.") holds, and "v" or
   * "&#" as well, which most of them lack. Empty when none is known.
   */
  static List<Set<String>> conjunctionOf(String re2Pattern) {
    Info info = analysed(re2Pattern);
    Set<String> first = bestOf(info);
    if (first.isEmpty()) return List.of();
    if (shortest(first) >= WEAK_SET_LENGTH) return List.of(first);
    List<Set<String>> others = new ArrayList<>();
    for (Set<String> part : info.allRequired()) {
      Set<String> set = usable(part);
      if (set != null) others.add(minimal(set));
    }
    others.sort(Comparator.comparingDouble(RequiredLiterals::estimatedShare));
    List<Set<String>> conjunction = new ArrayList<>();
    conjunction.add(first);
    for (Set<String> set : others) {
      if (conjunction.size() == MAX_CONJUNCTS) break;
      if (conjunction.stream().noneMatch(kept -> impliedBy(set, kept))) conjunction.add(set);
    }
    return List.copyOf(conjunction);
  }

  /** Whether a value holding a member of {@code kept} always holds one of {@code set}. */
  private static boolean impliedBy(Set<String> set, Set<String> kept) {
    return kept.stream().allMatch(literal -> set.stream().anyMatch(literal::contains));
  }

  private static int shortest(Set<String> literals) {
    return literals.stream().mapToInt(String::length).min().orElse(0);
  }

  /**
   * A rough share of text positions where one of the literals starts (English letter frequencies):
   * enough to order sets from rare to common, nothing depends on its accuracy.
   */
  private static double estimatedShare(Set<String> literals) {
    double share = 0;
    for (String literal : literals) {
      double p = 1;
      for (int i = 0; i < literal.length(); i++) p *= charShare(literal.charAt(i));
      share += p;
    }
    return share;
  }

  private static double charShare(char c) {
    int rank = LETTERS_BY_FREQUENCY.indexOf(c);
    if (rank >= 0) return 0.12 / (1 + rank * 0.4);
    if (c == ' ') return 0.15;
    if (c >= '0' && c <= '9') return 0.01;
    return 0.005;
  }

  private Info alternation() {
    Info first = concatenation();
    if (!at('|')) return first;
    Set<String> exact = first.exact();
    Set<String> required = first.best();
    Set<String> prefix = first.prefix();
    Set<String> suffix = first.suffix();
    while (at('|')) {
      pos++;
      Info branch = concatenation();
      exact = union(exact, branch.exact());
      required = eitherOf(required, branch.best());
      prefix = union(prefix, branch.prefix());
      suffix = union(suffix, branch.suffix());
    }
    return new Info(exact, required, prefix, suffix);
  }

  private Info concatenation() {
    // run: the strings the items since the last break can match, one of which every match holds.
    Set<String> run = Set.of("");
    boolean allExact = true;
    Set<String> prefix = null;
    Set<String> best = null;
    List<Set<String>> parts = new ArrayList<>();
    while (pos < re2.length() && !at('|') && !at(')')) {
      Info item = repetition();
      Set<String> extended = item.exact() == null ? null : product(run, item.exact());
      if (extended != null) {
        run = extended;
        continue;
      }
      Set<String> throughPrefix = item.prefix() == null ? null : product(run, item.prefix());
      if (allExact) prefix = throughPrefix != null ? throughPrefix : run;
      allExact = false;
      best = better(best, usable(run));
      best = better(best, usable(throughPrefix));
      best = better(best, item.best());
      addIfUsable(parts, run);
      addIfUsable(parts, throughPrefix);
      parts.addAll(item.allRequired());
      if (item.exact() != null && item.exact().size() <= MAX_ALTERNATIVES) {
        run = item.exact();
      } else {
        run = item.suffix() != null && item.suffix().size() <= MAX_ALTERNATIVES ? item.suffix() : Set.of("");
      }
    }
    best = better(best, usable(run));
    addIfUsable(parts, run);
    return allExact ? Info.exactly(run) : new Info(null, best, prefix, run, parts);
  }

  private static void addIfUsable(List<Set<String>> sets, Set<String> set) {
    if (usable(set) != null) sets.add(set);
  }

  private Info repetition() {
    Info atom = atom();
    while (pos < re2.length()) {
      char c = re2.charAt(pos);
      int minimum;
      int maximum = -1;
      if (c == '*' || c == '?') {
        minimum = 0;
        pos++;
      } else if (c == '+') {
        minimum = 1;
        pos++;
      } else if (c == '{') {
        int close = re2.indexOf('}', pos);
        String bounds = re2.substring(pos + 1, close);
        int comma = bounds.indexOf(',');
        minimum = Integer.parseInt(comma < 0 ? bounds : bounds.substring(0, comma));
        if (comma < 0) maximum = minimum;
        else if (comma < bounds.length() - 1) maximum = Integer.parseInt(bounds.substring(comma + 1));
        pos = close + 1;
      } else {
        break;
      }
      skipLazy();
      atom = repeated(atom, minimum, maximum);
    }
    return atom;
  }

  /** {@code atom{minimum,maximum}} (maximum -1: unbounded). */
  private static Info repeated(Info atom, int minimum, int maximum) {
    if (minimum == 0) return Info.UNKNOWN;
    if (minimum == 1 && maximum == 1) return atom;
    Set<String> exact = atom.exact();
    if (exact != null) {
      // Every match starts and ends with `minimum` copies of the atom.
      Set<String> copies = exact;
      for (int i = 1; i < minimum && copies != null; i++) copies = product(copies, exact);
      if (copies != null) return maximum == minimum ? Info.exactly(copies) : new Info(null, null, copies, copies);
    }
    return new Info(null, atom.best(), atom.prefix(), atom.suffix(), atom.allRequired());
  }

  private void skipLazy() {
    if (at('?')) pos++;
  }

  private Info atom() {
    char c = re2.charAt(pos++);
    switch (c) {
      case '(':
        return group();
      case '[':
        return characterClass();
      case '\\':
        return escape();
      case '.':
        return Info.UNKNOWN;
      case '^':
      case '$':
        return Info.EMPTY;
      default:
        return single(c);
    }
  }

  private Info group() {
    if (at('?')) {
      pos++;
      if (at('P')) {
        pos = re2.indexOf('>', pos) + 1;
      } else {
        while (!at(':') && !at(')')) pos++;
        if (at(')')) {
          pos++;
          return Info.EMPTY;
        }
        pos++;
      }
    }
    Info inner = alternation();
    expect(')');
    return inner;
  }

  private Info characterClass() {
    if (at('^')) {
      int close = classEnd();
      pos = close + 1;
      return Info.UNKNOWN;
    }
    Set<String> members = new LinkedHashSet<>();
    boolean tooLarge = false;
    while (!at(']')) {
      int low = classChar();
      int high = low;
      if (at('-') && re2.charAt(pos + 1) != ']') {
        pos++;
        high = classChar();
      }
      if (high - low >= MAX_CLASS_SIZE * 2) {
        tooLarge = true;
        continue;
      }
      for (int b = low; b <= high; b++) members.add(lower(b));
    }
    pos++;
    return tooLarge || members.size() > MAX_CLASS_SIZE ? Info.UNKNOWN : Info.exactly(members);
  }

  private int classEnd() {
    int i = pos;
    while (re2.charAt(i) != ']') i += re2.charAt(i) == '\\' ? 2 : 1;
    return i;
  }

  private int classChar() {
    char c = re2.charAt(pos++);
    if (c != '\\') return c;
    char e = re2.charAt(pos++);
    int value = escapedByte(e);
    if (value < 0) throw new IllegalStateException("unexpected class escape \\" + e);
    return value;
  }

  private Info escape() {
    char e = re2.charAt(pos++);
    switch (e) {
      case 'A', 'z', 'b', 'B' -> {
        return Info.EMPTY;
      }
      case 'd', 'D', 'w', 'W', 's', 'S' -> {
        return Info.UNKNOWN;
      }
      case 'p', 'P' -> {
        if (at('{')) pos = re2.indexOf('}', pos) + 1;
        else pos++;
        return Info.UNKNOWN;
      }
      default -> {
        int value = escapedByte(e);
        if (value < 0) throw new IllegalStateException("unexpected escape \\" + e);
        return single(value);
      }
    }
  }

  /** The byte of {@code \x{..}}, {@code \n}-style or escaped punctuation; -1 otherwise. */
  private int escapedByte(char e) {
    switch (e) {
      case 'x': {
        int close = re2.indexOf('}', pos);
        int value = Integer.parseInt(re2.substring(pos + 1, close), 16);
        pos = close + 1;
        return value;
      }
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'f':
        return '\f';
      default:
        return Character.isLetterOrDigit(e) ? -1 : e;
    }
  }

  private static Info single(int c) {
    return Info.exactly(Set.of(lower(c)));
  }

  private static String lower(int c) {
    return String.valueOf((char) (c >= 'A' && c <= 'Z' ? c + 32 : c));
  }

  private boolean at(char c) {
    return pos < re2.length() && re2.charAt(pos) == c;
  }

  private void expect(char c) {
    if (!at(c)) throw new IllegalStateException("expected " + c + " at " + pos);
    pos++;
  }

  private static Set<String> product(Set<String> left, Set<String> right) {
    if ((long) left.size() * right.size() > MAX_ALTERNATIVES) return null;
    Set<String> result = new LinkedHashSet<>();
    for (String a : left) {
      for (String b : right) result.add(a + b);
    }
    return result;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    if (a == null || b == null || a.size() + b.size() > MAX_ALTERNATIVES) return null;
    Set<String> result = new LinkedHashSet<>(a);
    result.addAll(b);
    return result;
  }

  /**
   * A required set for "one of two sub-expressions matched": the union of theirs, null when either
   * is unknown. A union too large to keep is shortened rather than given up: a member that
   * contains another adds nothing (a match holding it holds the other too), and a match holding a
   * literal holds each of its prefixes. CRS's large alternations (934100's Node.js calls, 942360's
   * SQL statements) keep a filter that way instead of running their regex on every value.
   */
  private static Set<String> eitherOf(Set<String> a, Set<String> b) {
    if (a == null || b == null) return null;
    Set<String> all = new LinkedHashSet<>(a);
    all.addAll(b);
    Set<String> result = withoutSuperstrings(all);
    int longest = result.stream().mapToInt(String::length).max().orElse(0);
    for (int length = longest - 1; result.size() > MAX_ALTERNATIVES; length--) {
      if (length < MIN_SHORTENED_LENGTH) return null;
      Set<String> prefixes = new LinkedHashSet<>();
      for (String literal : result) prefixes.add(literal.length() > length ? literal.substring(0, length) : literal);
      result = withoutSuperstrings(prefixes);
    }
    return result;
  }

  /** The members of {@code literals} that contain no other member. */
  private static Set<String> withoutSuperstrings(Set<String> literals) {
    Set<String> kept = new LinkedHashSet<>();
    for (String literal : literals) {
      if (literals.stream().noneMatch(other -> other.length() < literal.length() && literal.contains(other))) {
        kept.add(literal);
      }
    }
    return kept;
  }

  /** A set usable as a filter: non-empty and without the empty string. */
  private static Set<String> usable(Set<String> set) {
    return set == null || set.isEmpty() || set.contains("") ? null : set;
  }

  /** The more selective filter: longer shortest member, then fewer members. */
  private static Set<String> better(Set<String> a, Set<String> b) {
    if (a == null) return b;
    if (b == null) return a;
    int shortestA = a.stream().mapToInt(String::length).min().orElse(0);
    int shortestB = b.stream().mapToInt(String::length).min().orElse(0);
    if (shortestA != shortestB) return shortestA > shortestB ? a : b;
    return a.size() <= b.size() ? a : b;
  }
}
