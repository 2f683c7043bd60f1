package dev.vpatch.engine.actions;

import dev.vpatch.engine.macros.Macro;
import dev.vpatch.engine.variables.LiteralKey;
import java.util.Locale;

/**
 * {@code setvar:tx.name=value}, {@code =+N}, {@code =-N}, {@code !tx.name} (delete), and
 * {@code tx.name} alone (sets 1). Name and value may hold macros.
 */
public final class SetVarAction implements Action {
  private enum Operation {
    SET,
    ADD,
    SUBTRACT,
    DELETE
  }

  private final String collection;
  private final Macro key;
  /**
   * The name in lower case when it holds no macro (CRS's always do), else null; interned, as
   * target and macro keys are, so that finding the member it set compares references.
   */
  private final LiteralKey constantName;
  private final Macro value;
  private final Operation operation;

  public SetVarAction(String spec) {
    if (spec == null || spec.isBlank()) throw new IllegalArgumentException("setvar needs a variable");
    String s = spec.strip();
    boolean delete = s.startsWith("!");
    if (delete) s = s.substring(1);
    int eq = s.indexOf('=');
    String name = eq < 0 ? s : s.substring(0, eq);
    int dot = name.indexOf('.');
    if (dot <= 0 || dot == name.length() - 1) {
      throw new IllegalArgumentException("setvar needs COLLECTION.name, not '" + spec + "'");
    }
    collection = name.substring(0, dot).strip().toUpperCase(Locale.ROOT);
    key = Macro.compile(name.substring(dot + 1).strip());
    constantName = key.isConstant() ? new LiteralKey(key.source().toLowerCase(Locale.ROOT)) : null;
    if (delete) {
      operation = Operation.DELETE;
      value = null;
    } else if (eq < 0) {
      operation = Operation.SET;
      value = Macro.compile("1");
    } else {
      String raw = s.substring(eq + 1);
      if (raw.startsWith("+")) {
        operation = Operation.ADD;
        raw = raw.substring(1);
      } else if (raw.startsWith("-")) {
        operation = Operation.SUBTRACT;
        raw = raw.substring(1);
      } else {
        operation = Operation.SET;
      }
      value = Macro.compile(raw);
    }
  }

  /** The collection it writes, upper case (TX, IP, SESSION...). */
  public String collection() {
    return collection;
  }

  /**
   * The member name it writes, lower case, when the name holds no macro; else the lower-case text
   * before the first macro (all names it may write start with it; empty when a macro comes first).
   */
  public String namePrefix() {
    if (constantName != null) return constantName.text();
    String source = key.source();
    int macro = source.indexOf("%{");
    return (macro < 0 ? source : source.substring(0, macro)).toLowerCase(Locale.ROOT);
  }

  /** Whether {@link #namePrefix()} is the whole name. */
  public boolean hasConstantName() {
    return constantName != null;
  }

  /** Whether the name and value it writes read nothing but {@code variable} (upper case) and constants. */
  public boolean readsOnly(String variable) {
    return key.readsOnly(variable) && (value == null || value.readsOnly(variable));
  }

  @Override
  public ActionType type() {
    return ActionType.NON_DISRUPTIVE;
  }

  @Override
  public boolean executesAtRunTime() {
    return true;
  }

  @Override
  public void execute(ActionContext context) {
    String name = constantName != null ? constantName.text() : context.expand(key).toLowerCase(Locale.ROOT);
    switch (operation) {
      case DELETE:
        context.deleteVariable(collection, name);
        break;
      case SET:
        set(context, name, context.expand(value));
        break;
      default:
        String current =
            constantName != null ? context.variable(collection, constantName) : context.variable(collection, name);
        set(context, name, applyArithmetic(current, context));
    }
  }

  /** Sets the member, by its literal key when the name has no macro. */
  private void set(ActionContext context, String name, String newValue) {
    if (constantName != null) context.setVariable(collection, constantName, newValue);
    else context.setVariable(collection, name, newValue);
  }

  /** {@code =+N} or {@code =-N} applied to the member's current value (absent counts as 0). */
  private String applyArithmetic(String current, ActionContext context) {
    long delta = toLong(context.expand(value));
    return Long.toString(operation == Operation.ADD ? toLong(current) + delta : toLong(current) - delta);
  }

  /** atoi-like: leading whitespace and sign, then digits; anything else ends the number. */
  static long toLong(String s) {
    if (s == null) return 0;
    int i = 0;
    int n = s.length();
    while (i < n && Character.isWhitespace(s.charAt(i))) i++;
    boolean negative = false;
    if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      negative = s.charAt(i) == '-';
      i++;
    }
    long result = 0;
    while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      result = result * 10 + (s.charAt(i) - '0');
      if (result > Integer.MAX_VALUE * 4L) break;
      i++;
    }
    return negative ? -result : result;
  }
}
