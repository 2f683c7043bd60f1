package dev.vpatch.engine.seclang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ActionListParserTest {
  @Test
  void splitsOnCommasOutsideQuotes() {
    List<ActionSpec> actions =
        ActionListParser.parse("id:1,phase:2,msg:'a, b',t:none,block", "f", 1);
    assertThat(actions)
        .containsExactly(
            new ActionSpec("id", "1"),
            new ActionSpec("phase", "2"),
            new ActionSpec("msg", "a, b"),
            new ActionSpec("t", "none"),
            new ActionSpec("block", null));
  }

  @Test
  void escapedSingleQuoteInsideQuotedValue() {
    List<ActionSpec> actions =
        ActionListParser.parse("msg:'Input Validation Error for \\'reqID\\' parameter.'", "f", 1);
    assertThat(actions.get(0).value()).isEqualTo("Input Validation Error for 'reqID' parameter.");
  }

  @Test
  void ignoresWhitespaceLeftByContinuations() {
    List<ActionSpec> actions = ActionListParser.parse("id:1,    phase:2,\t  pass  ", "f", 1);
    assertThat(actions).extracting(ActionSpec::name).containsExactly("id", "phase", "pass");
  }

  @Test
  void keepsSetvarExpressionsWhole() {
    List<ActionSpec> actions =
        ActionListParser.parse("setvar:'tx.score=+%{tx.critical_anomaly_score}',ctl:ruleRemoveTargetById=1;ARGS:a", "f", 1);
    assertThat(actions.get(0).value()).isEqualTo("tx.score=+%{tx.critical_anomaly_score}");
    assertThat(actions.get(1).value()).isEqualTo("ruleRemoveTargetById=1;ARGS:a");
  }

  @Test
  void unterminatedQuoteIsAnError() {
    assertThatThrownBy(() -> ActionListParser.parse("msg:'oops", "rules.conf", 7))
        .isInstanceOf(SecLangException.class)
        .hasMessage("rules.conf:7: unterminated quote in action 'msg'");
  }
}
