package dev.vpatch.engine.operators;

import static dev.vpatch.engine.operators.OperatorTesting.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PmFromFileOperatorTest {
  @TempDir Path directory;

  private Path write(String name, String content) throws IOException {
    return Files.writeString(directory.resolve(name), content, StandardCharsets.ISO_8859_1);
  }

  @Test
  void readsOnePhrasePerLineSkippingCommentsAndBlankLines() throws IOException {
    write(
        "words.data",
        "# a comment\n\n   # indented comment\n/etc/passwd\nbad phrase\r\n  spaced\n");
    Operator operator = create("pmFromFile", "words.data", directory);
    MatchContext context = TestMatchContext.plain();
    assertThat(operator.matches(context, "GET /ETC/PASSWD")).isTrue();
    assertThat(operator.matches(context, "a BAD PHRASE here")).isTrue();
    assertThat(operator.matches(context, "bad")).isFalse();
    assertThat(operator.matches(context, "a comment")).isFalse();
    assertThat(operator.matches(context, "spaced")).isFalse();
    assertThat(operator.matches(context, "  spaced")).isTrue();
  }

  @Test
  void readsSeveralFilesAndTheAlias() throws IOException {
    write("a.data", "alpha\n");
    write("b.data", "beta\n");
    Operator operator = create("pmf", "a.data b.data", directory);
    assertThat(operator.matches(TestMatchContext.plain(), "xbetax")).isTrue();
    assertThat(operator.matches(TestMatchContext.plain(), "xalphax")).isTrue();
  }

  @Test
  void capturesThePhrase() throws IOException {
    write("a.data", "Alpha\n");
    TestMatchContext context = TestMatchContext.capturing();
    assertThat(create("pmFromFile", "a.data", directory).matches(context, "ALPHA")).isTrue();
    assertThat(context.captures).containsEntry(0, "Alpha");
  }

  @Test
  void missingFileIsALoadErrorNamingTheFile() {
    assertThatThrownBy(() -> create("pmFromFile", "missing.data", directory))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing.data");
    assertThatThrownBy(() -> create("pmFromFile", "https://example.com/list", directory))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not supported");
  }

  @Test
  void loadsTheCrsDataFiles() {
    Path rules = CrsRuleFiles.rulesDirectory();
    Operator operator = create("pmFromFile", "scanners-user-agents.data", rules);
    assertThat(operator.matches(TestMatchContext.plain(), "Mozilla/5.0 (compatible; Nikto/2.1.6)"))
        .isTrue();
    assertThat(operator.matches(TestMatchContext.plain(), "Mozilla/5.0 (X11; Linux x86_64)"))
        .isFalse();
  }
}
