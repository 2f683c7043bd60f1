package dev.vpatch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PathologicalInputsTest {
  @Test
  void everyValueIsFourKilobytesOfBytes() {
    for (long id : PathologicalInputs.ruleIds()) {
      String value = PathologicalInputs.value(id);
      assertThat(value).as("rule %d", id).hasSize(4096);
      assertThat(value.chars().allMatch(c -> c < 0x100)).isTrue();
    }
  }

  @Test
  void filenameNearMissesEscapeTheirPhpExtensionPatterns() {
    // 933110 and 933111 are simple enough for java.util.regex to settle the near miss quickly.
    assertThat(Pattern.compile(".*\\.ph(?:p\\d*|tml|ar|ps|t|pt)\\.*$")
        .matcher(PathologicalInputs.value(933110)).find()).isFalse();
    assertThat(Pattern.compile(".*\\.ph(?:p\\d*|tml|ar|ps|t|pt)\\..*$")
        .matcher(PathologicalInputs.value(933111)).find()).isFalse();
  }

  @Test
  void argumentValuesOmitTheFinalPieceTheirPatternsNeed() {
    assertThat(PathologicalInputs.value(941340)).doesNotContain("=");
    assertThat(PathologicalInputs.value(942210)).doesNotContainIgnoringCase("select");
    assertThat(PathologicalInputs.value(941160)).doesNotContain("=");
  }

  @Test
  void argumentValuesAreSentAsAnUrlencodedFormField() {
    HttpExchange exchange = PathologicalInputs.exchange(941160);

    assertThat(exchange.method()).isEqualTo("POST");
    assertThat(exchange.requestBody()).startsWith("comment=%3C-s-c-r-i-p-x+%3Ca%2Fonclick");
  }

  @Test
  void unknownRuleIsRejectedWithTheKnownOnes() {
    assertThatThrownBy(() -> PathologicalInputs.value(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("933110");
  }
}
