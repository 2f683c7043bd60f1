package dev.vpatch.engine.bodies;

import java.util.List;
import java.util.Random;

/** Seeded random JSON documents, well-formed, so that tests get deep before any mutation bites. */
public final class RandomJson {
  private static final List<String> STRINGS = List.of("", "a b", "\\n", "\\u0041", "\\u00e9", "\\\"", "x\\\\y", "\\/");

  private RandomJson() {}

  /** Nested at most {@code depth} levels: numbers, strings with escapes, literals, arrays, objects. */
  public static String document(Random random, int depth) {
    switch (random.nextInt(depth <= 0 ? 3 : 5)) {
      case 0:
        return (random.nextBoolean() ? "-" : "") + random.nextInt(1000)
            + (random.nextBoolean() ? "." + random.nextInt(100) : "")
            + (random.nextInt(4) == 0 ? "e" + (random.nextBoolean() ? "-" : "+") + random.nextInt(20) : "");
      case 1:
        return "\"" + STRINGS.get(random.nextInt(STRINGS.size())) + "\"";
      case 2:
        return List.of("true", "false", "null").get(random.nextInt(3));
      case 3: {
        StringBuilder out = new StringBuilder(random.nextBoolean() ? "[" : "[ ");
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) out.append(i > 0 ? " , " : "").append(document(random, depth - 1));
        return out.append(']').toString();
      }
      default: {
        StringBuilder out = new StringBuilder("{");
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
          // Some keys empty (json...empty-key), some repeated.
          String key = random.nextInt(4) == 0 ? "" : "k" + random.nextInt(3);
          out.append(i > 0 ? "," : "").append('"').append(key).append('"').append(random.nextBoolean() ? ":" : " :\n");
          out.append(document(random, depth - 1));
        }
        return out.append('}').toString();
      }
    }
  }
}
