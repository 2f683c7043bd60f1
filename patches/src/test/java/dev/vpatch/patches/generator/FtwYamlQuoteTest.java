package dev.vpatch.patches.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Any payload a test carries survives the trip through go-ftw YAML unchanged. */
class FtwYamlQuoteTest {
  private final Load yaml = new Load(LoadSettings.builder().build());

  private Object roundTrip(String value) {
    return yaml.loadFromString("v: " + FtwYaml.quote(value) + "\n") instanceof java.util.Map<?, ?> map ? map.get("v") : null;
  }

  @Test
  void edgeCasesRoundTrip() {
    for (String value : new String[] {"", "\0", "a\"b\\c", "line\r\nbreak\t", "\u0085\u2028\u2029", "\u00ff\u0080",
        "' or 1=1--", "%00%27", "\uFEFFbom", "emoji \uD83D\uDE00", "#not a comment", ": colon", "- dash"}) {
      assertThat(roundTrip(value)).as(value).isEqualTo(value);
    }
  }

  @Test
  void seededRandomStringsRoundTrip() {
    Random random = new Random(20261125L);
    for (int i = 0; i < 2000; i++) {
      StringBuilder value = new StringBuilder();
      int length = random.nextInt(40);
      for (int j = 0; j < length; j++) {
        int kind = random.nextInt(4);
        value.append(kind == 0 ? (char) random.nextInt(0x100) : kind == 1 ? (char) (0x20 + random.nextInt(0x5F))
            : kind == 2 ? "\"\\'\n\r\t%".charAt(random.nextInt(7)) : (char) (0x100 + random.nextInt(0xD000)));
      }
      assertThat(roundTrip(value.toString())).as("seed case %d", i).isEqualTo(value.toString());
    }
  }
}
