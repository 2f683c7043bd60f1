package dev.vpatch.engine.macros;

import dev.vpatch.engine.variables.KeyedValues;
import dev.vpatch.engine.variables.LiteralKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A string with {@code %{VARIABLE}} or {@code %{COLLECTION.key}} references, compiled once at load
 * time. Expansion is per transaction through a {@link MacroResolver}. Variable names are matched
 * case-insensitively (stored upper case); keys are kept as written, collections decide how to match.
 */
public final class Macro {
  private final String source;
  private final String[] literals; // literals[i] precedes references[i]; one more literal at the end
  private final Reference[] references;

  /**
   * A reference to a variable ({@code key == null}) or a collection member.
   *
   * @param variable the variable's name in upper case, interned
   * @param literalKey the key folded as collections compare keys, with its last position (null
   *     without a key)
   */
  public record Reference(String variable, String key, LiteralKey literalKey) {
    Reference(String variable, String key) {
      this(variable.intern(), key, key == null ? null : new LiteralKey(KeyedValues.foldedKey(key)));
    }
  }

  private Macro(String source, String[] literals, Reference[] references) {
    this.source = source;
    this.literals = literals;
    this.references = references;
  }

  /** Compiles {@code text}; text without well-formed {@code %{...}} yields a constant macro. */
  public static Macro compile(String text) {
    List<String> literals = new ArrayList<>();
    List<Reference> references = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '%' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
        int end = text.indexOf('}', i + 2);
        if (end > i + 2) {
          String inner = text.substring(i + 2, end).trim();
          if (isReference(inner)) {
            int dot = firstSeparator(inner);
            String variable = (dot < 0 ? inner : inner.substring(0, dot)).toUpperCase(Locale.ROOT);
            // Interned: a key setvar wrote the same way is then the same String (found by reference).
            String key = dot < 0 ? null : inner.substring(dot + 1).intern();
            literals.add(literal.toString());
            literal.setLength(0);
            references.add(new Reference(variable, key));
            i = end + 1;
            continue;
          }
        }
      }
      literal.append(c);
      i++;
    }
    literals.add(literal.toString());
    return new Macro(text, literals.toArray(String[]::new), references.toArray(Reference[]::new));
  }

  private static boolean isReference(String inner) {
    if (inner.isEmpty()) return false;
    for (int j = 0; j < inner.length(); j++) {
      char ch = inner.charAt(j);
      if (!(Character.isLetterOrDigit(ch) || ch == '_' || ch == '.' || ch == ':' || ch == '-')) {
        return false;
      }
    }
    return Character.isLetter(inner.charAt(0));
  }

  private static int firstSeparator(String inner) {
    for (int j = 0; j < inner.length(); j++) {
      char ch = inner.charAt(j);
      if (ch == '.' || ch == ':') return j;
    }
    return -1;
  }

  public boolean isConstant() {
    return references.length == 0;
  }

  public String source() {
    return source;
  }

  public List<Reference> references() {
    return List.of(references);
  }

  /** Whether every reference is to {@code variable} (upper case), so that nothing else is read. */
  public boolean readsOnly(String variable) {
    for (Reference reference : references) {
      if (!reference.variable().equals(variable)) return false;
    }
    return true;
  }

  /** Expands the macro; unresolved references expand to the empty string, as in ModSecurity v3. */
  public String expand(MacroResolver resolver) {
    if (references.length == 0) return literals[0];
    if (references.length == 1 && literals[0].isEmpty() && literals[1].isEmpty()) {
      // A whole reference (CRS's setvar:'tx.score=+%{tx.critical_anomaly_score}'): its value as is.
      String value = resolver.resolve(references[0]);
      return value != null ? value : "";
    }
    StringBuilder out = new StringBuilder(source.length() + 16);
    for (int i = 0; i < references.length; i++) {
      out.append(literals[i]);
      String value = resolver.resolve(references[i]);
      if (value != null) out.append(value);
    }
    out.append(literals[references.length]);
    return out.toString();
  }

  @Override
  public String toString() {
    return source;
  }
}
