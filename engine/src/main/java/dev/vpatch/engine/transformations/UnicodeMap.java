package dev.vpatch.engine.transformations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The code point to byte table of {@code SecUnicodeMapFile FILE CODEPAGE}, which urlDecodeUni
 * consults before falling back to the low byte. Read as libmodsecurity 3.0.9 reads it: the file is
 * split on whitespace; after a token whose leading number is the code page, tokens "hhhh:hh" are
 * mappings until the first token without ':'. The IDNA full stops (U+3002, U+FF0E, U+FF61) and '.'
 * always map to '.', even when the code page is not in the file.
 */
public final class UnicodeMap {
  private final short[] bytes = new short[0x10000];

  private UnicodeMap() {
    Arrays.fill(bytes, (short) -1);
    for (int fullStop : new int[] {0x3002, 0xff61, 0xff0e, 0x002e}) {
      bytes[fullStop] = '.';
    }
  }

  /** Reads {@code file} (ModSecurity's unicode.mapping format) for {@code codePage}. */
  public static UnicodeMap load(Path file, int codePage) throws IOException {
    return parse(Files.readString(file, StandardCharsets.ISO_8859_1), codePage);
  }

  public static UnicodeMap parse(String mappingFile, int codePage) {
    UnicodeMap map = new UnicodeMap();
    boolean found = false;
    boolean inMappings = false;
    for (String token : mappingFile.split("[ \t\r\n]+")) {
      if (token.isEmpty()) {
        continue;
      }
      if (leadingNumber(token) == codePage) {
        found = true;
      }
      int colon = token.indexOf(':');
      if (colon < 0) {
        if (inMappings) {
          break;
        }
      } else if (found) {
        inMappings = true;
        long codePoint = leadingHex(token, 0, colon);
        if (codePoint >= 0 && codePoint <= 0xffff) {
          map.bytes[(int) codePoint] = (short) (leadingHex(token, colon + 1, token.length()) & 0xff);
        }
      }
    }
    return map;
  }

  /** The byte {@code codePoint} maps to, or -1 when the map does not list it. */
  public int byteFor(int codePoint) {
    return bytes[codePoint];
  }

  /** atol(): the decimal number at the start of {@code token}, 0 if there is none. */
  private static long leadingNumber(String token) {
    long value = 0;
    for (int i = 0; i < token.length() && CLocale.isDigit(token.charAt(i)) && value < 1L << 40; i++) {
      value = value * 10 + token.charAt(i) - '0';
    }
    return value;
  }

  /** strtol(..., 16) on {@code token[from, to)}: the leading hex digits, 0 if there are none. */
  private static long leadingHex(String token, int from, int to) {
    long value = 0;
    for (int i = from; i < to && CLocale.isHexDigit(token.charAt(i)) && value < 1L << 40; i++) {
      value = value * 16 + CLocale.digitValue(token.charAt(i));
    }
    return value;
  }
}
