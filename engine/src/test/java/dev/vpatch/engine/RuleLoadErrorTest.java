package dev.vpatch.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpatch.engine.seclang.SecLangException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken rule file names the file, the line and the reason. */
class RuleLoadErrorTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "SecFoo On|unknown directive SecFoo",
        "SecRule ARGS \"@nope x\" \"id:1\"|unknown operator @nope",
        "SecRule ARGS \"@rx x\" \"id:1,frobnicate\"|unknown action 'frobnicate'",
        "SecRule NOPE \"@rx x\" \"id:1\"|unknown variable NOPE",
        "SecRule ARGS \"@rx x\" \"phase:2\"|rule has no id",
        "SecRule ARGS \"@rx (\" \"id:1\"|@rx:",
        "SecRule ARGS \"@rx x\" \"id:1,t:nosuch\"|unknown transformation 'nosuch'",
        "SecRule ARGS \"@rx x\" \"id:1,phase:9\"|phase must be 1-5",
        "SecRuleEngine Maybe|expected On, Off or DetectionOnly",
        "SecRequestBodyLimit lots|SecRequestBodyLimit takes a number",
        "SecAction \"id:1,pass,ctl:ruleRemoveTargetById=2;ARGS:/(/\"|invalid key regex /(/"
      })
  void reportsFileLineAndReason(String line, String reason) throws Exception {
    Path file = dir.resolve("broken.conf");
    Files.writeString(file, "# a comment\nSecRuleEngine On\n" + line + "\n");
    assertThatThrownBy(() -> RuleSet.builder().addFile(file).build())
        .isInstanceOf(SecLangException.class)
        .satisfies(
            e -> {
              SecLangException s = (SecLangException) e;
              assertThat(s.file()).isEqualTo(file.toString());
              assertThat(s.line()).isEqualTo(3);
              assertThat(s.reason()).contains(reason);
            });
  }

  @Test
  void duplicateIdsAndDanglingChainsAreErrors() {
    assertThatThrownBy(() -> RuleSet.builder().addText("SecAction \"id:5\"\nSecAction \"id:5\"", "r.conf").build())
        .hasMessage("r.conf:2: duplicate rule id 5");
    assertThatThrownBy(() -> RuleSet.builder().addText("SecAction \"id:5,chain\"", "r.conf").build())
        .hasMessage("r.conf:1: chain is not followed by a rule");
  }

  @Test
  void validateReportsEveryProblemNotJustTheFirst() {
    List<SecLangException> problems =
        RuleSet.builder()
            .addText("SecFoo\nSecAction \"id:1,pass\"\nSecRule ARGS \"@nope\" \"id:2\"\nSecAction \"id:3,oops\"", "r.conf")
            .validate();
    assertThat(problems).extracting(SecLangException::line).containsExactly(1, 3, 4);
  }
}
