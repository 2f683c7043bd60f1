package dev.vpatch.engine.transaction;

import dev.vpatch.engine.ByteStrings;
import dev.vpatch.engine.rules.RuleContext.ValueSink;
import dev.vpatch.engine.variables.CountText;
import dev.vpatch.engine.variables.KeyedValues;
import dev.vpatch.engine.variables.LiteralKey;
import dev.vpatch.engine.variables.Target;
import dev.vpatch.engine.variables.VariableKind;
import dev.vpatch.engine.variables.Variables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables of one transaction: scalars and collections, filled by the transaction as the
 * request and response arrive, and read by rules and macros.
 */
final class TransactionVariables {
  final Scalars scalars = new Scalars();
  // The collections every transaction fills or rules read most are fields; the others, created
  // on first use, live in a map.
  private final KeyedValues argsGet = new KeyedValues();
  private final KeyedValues argsPost = new KeyedValues();
  final KeyedValues requestHeaders = new KeyedValues(16);
  private final KeyedValues requestCookies = new KeyedValues();
  final KeyedValues responseHeaders = new KeyedValues();
  final KeyedValues tx;
  final KeyedValues matchedVars = new KeyedValues();
  /** Equal argument values share one instance, and with it what is learnt about it. */
  private final SharedTexts sharedTexts = new SharedTexts();
  private Map<String, KeyedValues> otherCollections;
  XmlDocument xml;
  /** MATCHED_VAR and MATCHED_VAR_NAME: set for every matched value, so fields, not map entries. */
  String matchedVar;
  String matchedVarName;
  /**
   * Adds the request body's arguments to ARGS_POST and sets ARGS_COMBINED_SIZE (and, for a form
   * body parsed only now, URLENCODED_ERROR); run, once, by the first read of any of them (null
   * when nothing is pending). Nothing else changes ARGS in between, so the rules see what adding
   * them at once would have given.
   */
  private Runnable pendingBodyArguments;
  /**
   * Adds the query string's arguments to ARGS_GET (and sets URLENCODED_ERROR for a bad escape);
   * run, once, by the first read of ARGS, ARGS_GET, their names or URLENCODED_ERROR, or before the
   * body's arguments (which count against the same limit). A patch scoped to another URL never
   * splits the query. Null when nothing is pending.
   */
  private Runnable pendingQueryArguments;
  /**
   * The Cookie headers not yet split into REQUEST_COOKIES, in arrival order: split by the first
   * read of REQUEST_COOKIES or its names. Null when none is pending.
   */
  private List<String> pendingCookieHeaders;
  /** Whether REQUEST_COOKIES has been read: a Cookie header arriving later is split at once. */
  private boolean cookiesRead;
  /**
   * The request body's bytes until the first read of REQUEST_BODY turns them into its value (a
   * copy as large as the body, which a patch scoped to another URL never reads). Null when none
   * is pending.
   */
  private byte[] pendingRequestBody;
  private int pendingRequestBodyLength;

  /** @param expectedTxSize how many TX variables a transaction is expected to set */
  TransactionVariables(int expectedTxSize) {
    tx = KeyedValues.withUniqueKeys(expectedTxSize);
  }

  /** The named collection, created empty on first use. */
  KeyedValues collection(String name) {
    fillPendingFor(name);
    KeyedValues collection = field(name);
    if (collection != null) return collection;
    if (otherCollections == null) otherCollections = new HashMap<>();
    return otherCollections.computeIfAbsent(name, k -> new KeyedValues());
  }

  /** The collection kept in a field under this name, or null. */
  private KeyedValues field(String name) {
    switch (name) {
      case "TX":
        return tx;
      case "REQUEST_HEADERS":
        return requestHeaders;
      case "REQUEST_COOKIES":
        return requestCookies;
      case "RESPONSE_HEADERS":
        return responseHeaders;
      case "ARGS_GET":
        return argsGet;
      case "ARGS_POST":
        return argsPost;
      case "MATCHED_VARS":
        return matchedVars;
      default:
        return null;
    }
  }

  /**
   * {@link #existingCollection} for a target's interned collection name: the collections most
   * rules read are this object's fields, so they need no map lookup (a target visit is the
   * engine's most frequent step).
   */
  private KeyedValues collectionRead(String internedName) {
    if (internedName == "REQUEST_HEADERS") return requestHeaders;
    if (internedName == "REQUEST_COOKIES") return requestCookies();
    if (internedName == "TX") return tx;
    if (internedName == "RESPONSE_HEADERS") return responseHeaders;
    return existingCollection(internedName);
  }

  KeyedValues existingCollection(String name) {
    fillPendingFor(name);
    KeyedValues collection = field(name);
    if (collection != null || otherCollections == null) return collection;
    return otherCollections.get(name);
  }

  /** ARGS_GET, with the query string's arguments in it. */
  KeyedValues argsGet() {
    addPendingQueryArguments();
    return argsGet;
  }

  /** ARGS_POST, with the body's arguments in it. */
  KeyedValues argsPost() {
    addPendingBodyArguments();
    return argsPost;
  }

  /** REQUEST_COOKIES, with every Cookie header split into it. */
  private KeyedValues requestCookies() {
    cookiesRead = true;
    List<String> headers = pendingCookieHeaders;
    if (headers != null) {
      pendingCookieHeaders = null;
      for (String header : headers) CookieParser.parse(header, requestCookies);
    }
    return requestCookies;
  }

  /** For the query string's parser (ARGS_GET as it is, pending or not). */
  void addQueryArgument(String name, String value) {
    argsGet.add(name, sharedTexts.share(value));
  }

  /** How many query arguments the parser has added so far. */
  int queryArgumentCount() {
    return argsGet.size();
  }

  /** Sets REQUEST_BODY to these bytes (which must not change) when it is first read. */
  void deferRequestBody(byte[] data, int length) {
    pendingRequestBody = data;
    pendingRequestBodyLength = length;
  }

  void deferQueryArguments(Runnable adder) {
    pendingQueryArguments = adder;
  }

  /** Keeps a Cookie header for REQUEST_COOKIES, split when first read. */
  void addCookieHeader(String header) {
    if (cookiesRead) {
      CookieParser.parse(header, requestCookies);
      return;
    }
    if (pendingCookieHeaders == null) pendingCookieHeaders = new ArrayList<>(2);
    pendingCookieHeaders.add(header);
  }

  /** For the body processor adding the arguments (ARGS_POST as it is, pending or not). */
  void addBodyArgument(String name, String value) {
    argsPost.add(name, sharedTexts.share(value));
  }

  void deferBodyArguments(Runnable adder) {
    pendingBodyArguments = adder;
  }

  /**
   * Runs the deferred work whose results {@code variable} (a collection or scalar) reads; true
   * when some ran.
   */
  private boolean fillPendingFor(String variable) {
    boolean filled = false;
    if (pendingQueryArguments != null && readsPendingQuery(variable)) {
      addPendingQueryArguments();
      filled = true;
    }
    if (pendingBodyArguments != null && readsPendingBody(variable)) {
      addPendingBodyArguments();
      filled = true;
    }
    if (pendingCookieHeaders != null && "REQUEST_COOKIES".equals(variable)) {
      requestCookies();
      filled = true;
    }
    if (pendingRequestBody != null && "REQUEST_BODY".equals(variable)) {
      scalars.put(variable, ByteStrings.of(pendingRequestBody, 0, pendingRequestBodyLength));
      pendingRequestBody = null;
      filled = true;
    }
    return filled;
  }

  /** The variables {@link #pendingQueryArguments} fills (ARGS and its names go through argsGet()). */
  private static boolean readsPendingQuery(String variable) {
    return "ARGS_GET".equals(variable) || "URLENCODED_ERROR".equals(variable);
  }

  /** The variables {@link #pendingBodyArguments} fills (ARGS and its names go through argsPost()). */
  private static boolean readsPendingBody(String variable) {
    return "ARGS_POST".equals(variable) || "ARGS_COMBINED_SIZE".equals(variable) || "URLENCODED_ERROR".equals(variable);
  }

  private void addPendingQueryArguments() {
    Runnable pending = pendingQueryArguments;
    if (pending != null) {
      pendingQueryArguments = null;
      pending.run();
    }
  }

  private void addPendingBodyArguments() {
    Runnable pending = pendingBodyArguments;
    if (pending != null) {
      pendingBodyArguments = null;
      pending.run();
    }
  }

  /**
   * Enumerates a target's values into the sink. {@code excluded} says whether a member of a
   * collection has been removed from this rule at run time (ctl:ruleRemoveTarget*).
   */
  void collect(Target target, BiPredicate excluded, MemberView view, ValueSink sink) {
    String name = target.name();
    VariableKind kind = target.kind();
    switch (kind) {
      case SCALAR: {
        String value = scalar(name);
        if (target.isCount()) {
          sink.accept(name, null, value == null ? "0" : "1", null);
        } else if (value != null) {
          sink.accept(name, null, value, null);
        }
        return;
      }
      case XML: {
        int count = 0;
        if (xml != null && target.key() != null) {
          for (String value : xml.select(target.key())) {
            if (target.isCount()) count++;
            else sink.accept("XML", target.key(), value, null);
          }
        }
        if (target.isCount()) sink.accept(name, null, CountText.of(count), null);
        return;
      }
      default:
        break;
    }
    String base = target.collection();
    if (target.isArgs()) {
      int count =
          members(target, base, argsGet(), excluded, view, sink)
              + members(target, base, argsPost(), excluded, view, sink);
      if (target.isCount()) sink.accept(name, null, CountText.of(count), null);
    } else {
      collectFrom(collectionRead(base), base, target, excluded, view, sink);
    }
  }

  /** The values a collection or NAMES target selects from {@code values} (may be null: empty). */
  static void collectFrom(
      KeyedValues values, String base, Target target, BiPredicate excluded, MemberView view, ValueSink sink) {
    int count = values == null ? 0 : members(target, base, values, excluded, view, sink);
    if (target.isCount()) sink.accept(target.name(), null, CountText.of(count), null);
  }

  /**
   * A rule link's view of a collection's members: their forms after the link's transformations,
   * and which of them can satisfy its literal requirement.
   */
  interface MemberView {
    /** The forms of the members of {@code values} (keys when {@code names}), or null: visit raw. */
    MemberForms forms(KeyedValues values, boolean names);

    /**
     * The members of {@code values} worth visiting, given their {@code forms} from {@link
     * #forms}, as a bitset (valid until the next call); null for every member, an empty array for
     * none.
     */
    long[] candidates(KeyedValues values, boolean names, MemberForms forms);

    /** Whether the sink receives each member's form, or transforms the raw value itself. */
    boolean passesForms();
  }

  /** Tests run-time exclusions: (variable, key) → excluded. */
  interface BiPredicate {
    boolean test(String variable, String key);
  }

  private static int members(
      Target target,
      String base,
      KeyedValues values,
      BiPredicate excluded,
      MemberView view,
      ValueSink sink) {
    boolean names = target.kind() == VariableKind.NAMES;
    MemberForms forms = view == null || values.size() == 0 ? null : view.forms(values, names);
    long[] only = forms == null ? null : view.candidates(values, names, forms);
    if (only != null && only.length == 0) return 0;
    boolean passForms = forms != null && view.passesForms();
    int version = values.version();
    int count = 0;
    // Members added while a rule runs (setvar into the collection it reads) are not visited.
    int size = values.size();
    String name = target.name();
    boolean counting = target.isCount();
    boolean everyKey = target.selectsEveryKey();
    // A literal key goes straight to the members with that key instead of testing every key.
    LiteralKey literal = target.literalKey();
    int i = literal != null ? values.indexOf(literal) : only != null ? nextCandidate(only, 0, size) : 0;
    while (i >= 0 && i < size && i < values.size()) {
      // Forms and candidates describe the collection as it was: once a rule's action changes it,
      // every member from there on is visited and transformed afresh.
      boolean unchanged = values.version() == version;
      String key = values.key(i);
      if ((everyKey || literal != null || target.selects(key))
          && !target.excludes(key)
          && (excluded == null || !excluded.test(base, key))) {
        count++;
        if (!counting) sink.accept(name, key, names ? key : values.value(i), passForms && unchanged ? forms.form(i) : null);
      }
      if (literal != null) i = values.nextIndexOf(literal, i);
      else if (only != null && values.version() == version) i = nextCandidate(only, i + 1, size);
      else i++;
    }
    return count;
  }

  /** The first member at or after {@code from} set in {@code candidates}, or -1. */
  private static int nextCandidate(long[] candidates, int from, int size) {
    int word = from >>> 6;
    if (from >= size) return -1;
    long bits = candidates[word] & (-1L << from);
    while (bits == 0) {
      if (++word << 6 >= size) return -1;
      bits = candidates[word];
    }
    int member = (word << 6) + Long.numberOfTrailingZeros(bits);
    return member < size ? member : -1;
  }

  /** Scalars, including the ones computed when asked (time). */
  String scalar(String name) {
    String value = scalars.get(name);
    if (value == null && name.startsWith("MATCHED_VAR")) {
      if (name.equals("MATCHED_VAR")) return matchedVar;
      if (name.equals("MATCHED_VAR_NAME")) return matchedVarName;
    }
    if (value == null && fillPendingFor(name)) value = scalars.get(name);
    if (value != null || !name.startsWith("TIME")) return value;
    java.time.ZonedDateTime now = java.time.ZonedDateTime.now();
    switch (name) {
      case "TIME":
        return String.format("%02d:%02d:%02d", now.getHour(), now.getMinute(), now.getSecond());
      case "TIME_DAY":
        return Integer.toString(now.getDayOfMonth());
      case "TIME_EPOCH":
        return Long.toString(now.toEpochSecond());
      case "TIME_HOUR":
        return Integer.toString(now.getHour());
      case "TIME_MIN":
        return Integer.toString(now.getMinute());
      case "TIME_MON":
        return Integer.toString(now.getMonthValue() - 1);
      case "TIME_SEC":
        return Integer.toString(now.getSecond());
      case "TIME_WDAY":
        return Integer.toString(now.getDayOfWeek().getValue() % 7);
      case "TIME_YEAR":
        return Integer.toString(now.getYear());
      default:
        return null;
    }
  }

  /** Macro and ctl lookups: a scalar, or the first member of a collection with the key. */
  String lookup(String variable, String key) {
    if (key == null) {
      String value = scalar(variable);
      if (value != null) return value;
      KeyedValues c = existingCollection(variable);
      return c == null || c.size() == 0 ? null : c.value(0);
    }
    if (variable.equals("ARGS")) {
      String value = argsGet().get(key);
      return value != null ? value : argsPost().get(key);
    }
    if (variable.equals("XML") && xml != null) {
      java.util.List<String> values = xml.select(key);
      return values.isEmpty() ? null : values.get(0);
    }
    KeyedValues c = existingCollection(variable);
    return c == null ? null : c.get(key);
  }
}
