package dev.vpatch.engine.operators.regex.dfa;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * RE2's case-insensitive matching seen from bytes: for each byte, the code points of its simple
 * case-folding orbit ('k' has 'K' and the Kelvin sign U+212A, 0xE0 has 0xC0, 0xB5 has U+039C and
 * U+03BC). A caseless pattern char or range matches a byte when it holds one of these.
 */
final class ByteCaseFolding {
  /** Code points above which no case mapping reaches a byte. */
  private static final int LAST_FOLDING_CODE_POINT = 0x1ffff;
  /** Dotted and dotless i: Turkic-only mappings, outside RE2's simple folding. */
  private static final int CAPITAL_I_WITH_DOT = 0x130;
  private static final int SMALL_DOTLESS_I = 0x131;

  private static final int[][] ORBITS = orbits();

  private ByteCaseFolding() {}

  /** The bytes that {@code low..high} matches under case folding (the bounds may exceed 0xFF). */
  static ByteSet bytesMatching(int low, int high) {
    ByteSet bytes = ByteSet.NONE;
    for (int b = 0; b < 256; b++) {
      for (int member : ORBITS[b]) {
        if (member >= low && member <= high) {
          bytes = bytes.with(b);
          break;
        }
      }
    }
    return bytes;
  }

  private static int[][] orbits() {
    Map<Integer, List<Integer>> byKey = new HashMap<>();
    for (int b = 0; b < 256; b++) byKey.computeIfAbsent(foldKey(b), key -> new ArrayList<>());
    for (int cp = 0; cp <= LAST_FOLDING_CODE_POINT; cp++) {
      if (cp == CAPITAL_I_WITH_DOT || cp == SMALL_DOTLESS_I) continue;
      List<Integer> orbit = byKey.get(foldKey(cp));
      if (orbit != null) orbit.add(cp);
    }
    int[][] orbits = new int[256][];
    for (int b = 0; b < 256; b++) {
      orbits[b] = byKey.get(foldKey(b)).stream().mapToInt(Integer::intValue).toArray();
    }
    return orbits;
  }

  /** Code points in one orbit share this: lower case of the upper case. */
  private static int foldKey(int cp) {
    return Character.toLowerCase(Character.toUpperCase(cp));
  }
}
