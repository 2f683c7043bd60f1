package dev.vpatch.engine.macros;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Macro expansion as ModSecurity v3 does it: references resolved, unresolved ones empty. */
class MacroTest {
  private static final Map<String, String> TX = Map.of("critical_anomaly_score", "5", "empty", "");
  private static final MacroResolver RESOLVER =
      (variable, key) -> variable.equals("TX") && key != null ? TX.get(key.toLowerCase()) : null;

  @Test
  void aConstantExpandsToItsText() {
    Macro macro = Macro.compile("tx.score %{ not a reference");
    assertThat(macro.isConstant()).isTrue();
    assertThat(macro.expand(RESOLVER)).isEqualTo("tx.score %{ not a reference");
  }

  @Test
  void aWholeReferenceExpandsToTheValueOrToEmptyWhenUnresolved() {
    assertThat(Macro.compile("%{tx.critical_anomaly_score}").expand(RESOLVER)).isEqualTo("5");
    assertThat(Macro.compile("%{TX.Critical_Anomaly_Score}").expand(RESOLVER)).isEqualTo("5");
    assertThat(Macro.compile("%{tx.empty}").expand(RESOLVER)).isEmpty();
    assertThat(Macro.compile("%{tx.missing}").expand(RESOLVER)).isEmpty();
    assertThat(Macro.compile("%{request_uri}").expand(RESOLVER)).isEmpty();
  }

  @Test
  void literalsAroundReferencesAreKept() {
    assertThat(Macro.compile("score=%{tx.critical_anomaly_score}!").expand(RESOLVER)).isEqualTo("score=5!");
    assertThat(Macro.compile("%{tx.critical_anomaly_score}%{tx.missing}%{tx.critical_anomaly_score}").expand(RESOLVER))
        .isEqualTo("55");
    assertThat(Macro.compile(" %{tx.missing}").expand(RESOLVER)).isEqualTo(" ");
  }
}
