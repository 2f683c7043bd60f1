package dev.vpatch.engine.seclang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class VariableListParserTest {
  @Test
  void parsesCountsExclusionsKeysAndRegexKeysContainingPipes() {
    List<VariableSpec> specs =
        VariableListParser.parse(
            "REQUEST_COOKIES|!REQUEST_COOKIES:/__utm|_ga/|&ARGS:reqID|args_names|XML:/*", "f", 1);
    assertThat(specs)
        .containsExactly(
            new VariableSpec("REQUEST_COOKIES", null, null, false, false),
            new VariableSpec("REQUEST_COOKIES", null, "__utm|_ga", false, true),
            new VariableSpec("ARGS", "reqID", null, true, false),
            new VariableSpec("ARGS_NAMES", null, null, false, false),
            new VariableSpec("XML", "/*", null, false, false));
  }

  @Test
  void xmlAttributeXPath() {
    assertThat(VariableListParser.parse("XML://@*", "f", 1).get(0).key()).isEqualTo("//@*");
  }

  @Test
  void quotedKey() {
    assertThat(VariableListParser.parse("ARGS:'a|b'", "f", 1).get(0).key()).isEqualTo("a|b");
  }

  @Test
  void unterminatedRegexKeyIsAnError() {
    assertThatThrownBy(() -> VariableListParser.parse("ARGS:/abc", "r.conf", 3))
        .isInstanceOf(SecLangException.class)
        .hasMessageStartingWith("r.conf:3: unterminated regex key");
  }
}
