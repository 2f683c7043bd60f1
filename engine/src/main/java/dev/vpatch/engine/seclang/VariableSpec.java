package dev.vpatch.engine.seclang;

/**
 * One variable of a rule target list, e.g. {@code ARGS}, {@code !ARGS:foo}, {@code &TX:score},
 * {@code REQUEST_COOKIES:/^__utm/}, {@code XML:/*}.
 *
 * @param name upper-case variable name
 * @param key literal key or null
 * @param keyRegex regex key text (without slashes) or null
 * @param count {@code &}: the number of values instead of the values
 * @param exclusion {@code !}: removes matching members from the other targets
 */
public record VariableSpec(String name, String key, String keyRegex, boolean count, boolean exclusion) {
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    if (exclusion) b.append('!');
    if (count) b.append('&');
    b.append(name);
    if (key != null) b.append(':').append(key);
    if (keyRegex != null) b.append(":/").append(keyRegex).append('/');
    return b.toString();
  }
}
