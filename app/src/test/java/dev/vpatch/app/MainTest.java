package dev.vpatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MainTest {
  private static final String LEVEL = "io.netty.leakDetection.level";
  private static final String LEGACY_LEVEL = "io.netty.leakDetectionLevel";
  private final Map<String, String> before = new HashMap<>();

  @BeforeEach
  void rememberAndClearLevels() {
    for (String name : List.of(LEVEL, LEGACY_LEVEL)) {
      before.put(name, System.getProperty(name));
      System.clearProperty(name);
    }
  }

  @AfterEach
  void restoreLevels() {
    before.forEach((name, value) -> {
      if (value == null) {
        System.clearProperty(name);
      } else {
        System.setProperty(name, value);
      }
    });
  }

  @Test
  void commandsRunWithoutNettyLeakSamplingByDefault() {
    Main.disableBufferLeakSamplingUnlessAsked();

    assertThat(System.getProperty(LEVEL)).isEqualTo("disabled");
  }

  @Test
  void aLeakDetectionLevelTheUserAskedForIsKept() {
    System.setProperty(LEVEL, "paranoid");

    Main.disableBufferLeakSamplingUnlessAsked();

    assertThat(System.getProperty(LEVEL)).isEqualTo("paranoid");
  }

  @Test
  void aLevelSetUnderNettysLegacyNameIsNotOverridden() {
    System.setProperty(LEGACY_LEVEL, "advanced");

    Main.disableBufferLeakSamplingUnlessAsked();

    assertThat(System.getProperty(LEVEL)).isNull();
    assertThat(System.getProperty(LEGACY_LEVEL)).isEqualTo("advanced");
  }
}
