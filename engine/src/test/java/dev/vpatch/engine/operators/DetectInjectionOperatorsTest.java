package dev.vpatch.engine.operators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.engine.macros.Macro;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetectInjectionOperatorsTest {
  /** A transaction stand-in that records captures the way TX:0..9 would. */
  private static final class RecordingContext implements MatchContext {
    final Map<Integer, String> captures = new HashMap<>();
    final boolean capture;

    RecordingContext(boolean capture) {
      this.capture = capture;
    }

    @Override
    public String expand(Macro macro) {
      throw new UnsupportedOperationException("the detect operators take no argument");
    }

    @Override
    public boolean captureEnabled() {
      return capture;
    }

    @Override
    public void capture(int index, String value) {
      captures.put(index, value);
    }
  }

  private static Operator create(String name) {
    OperatorFactory factory = Operators.lookup(name);
    assertThat(factory).as(name).isNotNull();
    return factory.create(OperatorArgument.of(""));
  }

  @Test
  void bothOperatorsAreRegisteredCaseInsensitively() {
    assertThat(Operators.lookup("detectSQLi")).isNotNull();
    assertThat(Operators.lookup("DETECTSQLI")).isNotNull();
    assertThat(Operators.lookup("detectXSS")).isNotNull();
    assertThat(Operators.lookup("detectxss")).isNotNull();
  }

  @Test
  void detectSqliCapturesTheFingerprintAsTx0() {
    RecordingContext context = new RecordingContext(true);
    assertThat(create("detectSQLi").matches(context, "1' or '1'='1")).isTrue();
    assertThat(context.captures).containsExactly(Map.entry(0, "s&sos"));
  }

  @Test
  void detectSqliCapturesNothingWithoutCaptureOrMatch() {
    RecordingContext withoutCapture = new RecordingContext(false);
    assertThat(create("detectSQLi").matches(withoutCapture, "1 union select 1,2")).isTrue();
    assertThat(withoutCapture.captures).isEmpty();

    RecordingContext noMatch = new RecordingContext(true);
    assertThat(create("detectSQLi").matches(noMatch, "O'Reilly")).isFalse();
    assertThat(noMatch.captures).isEmpty();
  }

  @Test
  void detectXssMatchesWithoutCapturing() {
    RecordingContext context = new RecordingContext(true);
    assertThat(create("detectXSS").matches(context, "<img src=x onerror=alert(1)>")).isTrue();
    assertThat(create("detectXSS").matches(context, "<b>bold</b>")).isFalse();
    assertThat(context.captures).isEmpty();
  }

  @Test
  void emptyValuesNeverMatch() {
    RecordingContext context = new RecordingContext(true);
    assertThat(create("detectSQLi").matches(context, "")).isFalse();
    assertThat(create("detectXSS").matches(context, "")).isFalse();
  }
}
