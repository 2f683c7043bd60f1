package dev.vpatch.engine.transformations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** urlDecodeUni with SecUnicodeMapFile; expectations checked against ModSecurity 3.0.9. */
class UnicodeMapTest {
  /** The layout of ModSecurity's unicode.mapping: a code page header line, then one mapping line. */
  private static final String MAPPING_FILE = """
      (MAC - Roman)


      1250  (ANSI - Central Europe)
      00e9:78 00c0:78

      20127 (US-ASCII)
      00a0:20 00c0:41 00e9:65 0100:41 ffff:3f 12345:41

      20261 (T.61)
      1234:41
      """;

  private static final UnicodeMap US_ASCII = UnicodeMap.parse(MAPPING_FILE, 20127);

  private static String decode(UnicodeMap map, String input) {
    return new UrlDecodeUni(map).apply(input);
  }

  @Test
  void mapsListedCodePointsOfTheChosenCodePage() {
    assertThat(decode(US_ASCII, "%u00e9%U00C0%u00a0%u0100")).isEqualTo("eA A");
    assertThat(decode(US_ASCII, "%uffff")).isEqualTo("?");
  }

  @Test
  void fallsBackToTheLowByteForCodePointsTheMapDoesNotList() {
    assertThat(decode(US_ASCII, "%u1234%u2215%uff01")).isEqualTo("4\u0015!");
    assertThat(decode(US_ASCII, "%u00e9%u1234")).isEqualTo("e4");
  }

  @Test
  void alwaysMapsIdnaFullStopsToDot() {
    assertThat(decode(US_ASCII, "%uff61%u3002%uff0e")).isEqualTo("...");
    assertThat(decode(UnicodeMap.parse("", 20127), "%uff61%u3002")).isEqualTo("..");
    assertThat(decode(null, "%uff61%u3002")).isEqualTo("a\u0002");
  }

  @Test
  void ignoresOtherCodePagesAndStopsAtTheNextHeader() {
    assertThat(US_ASCII.byteFor(0x1234)).isEqualTo(-1);
    assertThat(UnicodeMap.parse(MAPPING_FILE, 1250).byteFor(0x00e9)).isEqualTo('x');
    assertThat(UnicodeMap.parse(MAPPING_FILE, 1250).byteFor(0x0100)).isEqualTo(-1);
    assertThat(UnicodeMap.parse(MAPPING_FILE, 437).byteFor(0x00e9)).isEqualTo(-1);
  }

  @Test
  void leavesPlainPercentEscapesAlone() {
    assertThat(decode(US_ASCII, "%e9+%41")).isEqualTo("\u00e9 A");
  }

  @Test
  void loadsAFile(@TempDir Path directory) throws IOException {
    Path file = directory.resolve("unicode.mapping");
    Files.writeString(file, MAPPING_FILE, StandardCharsets.ISO_8859_1);
    assertThat(UnicodeMap.load(file, 20127).byteFor(0x00e9)).isEqualTo('e');
  }
}
