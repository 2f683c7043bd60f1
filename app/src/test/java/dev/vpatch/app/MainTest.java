package dev.vpatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MainTest {
  private static final String LEVEL = "io.netty.leakDetection.level";
  private String before;

  @BeforeEach
  void rememberLevel() {
    before = System.getProperty(LEVEL);
  }

  @AfterEach
  void restoreLevel() {
    if (before == null) {
      System.clearProperty(LEVEL);
    } else {
      System.setProperty(LEVEL, before);
    }
  }

  @Test
  void commandsRunWithoutNettyLeakSamplingByDefault() {
    System.clearProperty(LEVEL);

    Main.disableBufferLeakSamplingUnlessAsked();

    assertThat(System.getProperty(LEVEL)).isEqualTo("disabled");
  }

  @Test
  void aLeakDetectionLevelTheUserAskedForIsKept() {
    System.setProperty(LEVEL, "paranoid");

    Main.disableBufferLeakSamplingUnlessAsked();

    assertThat(System.getProperty(LEVEL)).isEqualTo("paranoid");
  }
}
