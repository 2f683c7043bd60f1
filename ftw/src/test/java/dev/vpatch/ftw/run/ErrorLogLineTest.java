package dev.vpatch.ftw.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.engine.MatchedRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorLogLineTest {
  @Test
  void writesModSecurityStyleFieldsThatLogRegexesExpect() {
    MatchedRule rule = new MatchedRule(942100, 2, "SQL Injection Attack Detected via libinjection",
        "Matched Data: s&sos found within ARGS:x: 1' or 1=1", 2, List.of("attack-sqli", "paranoia-level/1"),
        "ARGS:x", "1' or 1=1", "rules/REQUEST-942.conf", 45, "", "OWASP_CRS/4.28.0", 0, 0, false, true);

    String line = ErrorLogLine.of(rule, "/get?x=1", "abc");

    assertThat(line).startsWith("ModSecurity: Warning.")
        .contains("[id \"942100\"]", "[msg \"SQL Injection Attack Detected via libinjection\"]",
            "[data \"Matched Data: s&sos found within ARGS:x: 1' or 1=1\"]", "[severity \"2\"]",
            "[tag \"attack-sqli\"] [tag \"paranoia-level/1\"]", "[uri \"/get?x=1\"]", "[unique_id \"abc\"]");
  }

  @Test
  void escapesControlBytesHighBytesAndQuotesSoTheLineStaysOneLine() {
    MatchedRule rule = new MatchedRule(1, 2, "a\"b", "x\r\ny\0\u00ff\\", -1, List.of(), "ARGS:a", "", "f", 1,
        null, null, 0, 0, false, true);

    String line = ErrorLogLine.of(rule, "/", "id");

    assertThat(line).doesNotContain("\n").contains("[msg \"a\\x22b\"]", "[data \"x\\x0d\\x0ay\\x00\\xff\\x5c\"]",
        "[severity \"\"]", "[rev \"\"]");
  }
}
