package dev.vpatch.engine.operators;

import dev.vpatch.engine.operators.regex.PcrePattern;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Patterns compiled from macro-expanded operator arguments, kept in a small LRU cache because the
 * expansion usually takes few distinct values. An expansion that does not compile never matches
 * (as in ModSecurity, where such a rule cannot fire).
 */
final class DynamicPatterns {
  private static final int CAPACITY = 128;
  private static final PcrePattern INVALID = null;

  private final Map<String, PcrePattern> cache =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PcrePattern> eldest) {
          return size() > CAPACITY;
        }
      };

  /** The compiled pattern, or null when {@code source} is not a valid regular expression. */
  synchronized PcrePattern get(String source) {
    if (cache.containsKey(source)) return cache.get(source);
    PcrePattern compiled;
    try {
      compiled = PcrePattern.compile(source);
    } catch (IllegalArgumentException invalid) {
      compiled = INVALID;
    }
    cache.put(source, compiled);
    return compiled;
  }
}
