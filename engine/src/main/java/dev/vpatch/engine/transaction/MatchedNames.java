package dev.vpatch.engine.transaction;

/**
 * The {@code VARIABLE:key} names of matched values (MATCHED_VAR_NAME, MATCHED_VARS' keys), kept
 * per transaction by the key's instance: the same members match rule after rule (CRS's
 * paranoia-level gates match one TX member about ninety times per request), so most names are
 * built once instead of concatenated per match. A small direct-mapped table keyed by instance
 * (the members hand the same key instance to every rule); a miss only costs the concatenation.
 */
final class MatchedNames {
  private static final int SLOTS = 32;

  // Allocated on the first keyed match: many transactions under a few patch rules have none.
  private String[] variables;
  private String[] keys;
  private String[] names;

  String of(String variable, String key) {
    if (key == null) return variable;
    if (keys == null) {
      variables = new String[SLOTS];
      keys = new String[SLOTS];
      names = new String[SLOTS];
    }
    // String hashes, not identity hashes: a proxy hands over fresh key instances per request, and
    // the first identity hash of an object is a call into the VM; a String caches its own hash.
    int h = key.hashCode() * 31 + variable.hashCode();
    int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
    if (keys[slot] == key && variables[slot] == variable) return names[slot];
    String name = variable + ":" + key;
    variables[slot] = variable;
    keys[slot] = key;
    names[slot] = name;
    return name;
  }
}
