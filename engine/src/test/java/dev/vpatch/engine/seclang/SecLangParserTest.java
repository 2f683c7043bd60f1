package dev.vpatch.engine.seclang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecLangParserTest {
  @TempDir Path dir;

  private List<Directive> parse(String text) {
    return new SecLangParser().parseText(text, "test.conf", dir);
  }

  @Test
  void joinsContinuationLinesAndReportsTheFirstLine() {
    List<Directive> ds =
        parse("# comment\n\nSecRule ARGS \"@rx a\" \\\n    \"id:1,\\\n    phase:2,\\\n    pass\"\n");
    assertThat(ds).hasSize(1);
    Directive d = ds.get(0);
    assertThat(d.name()).isEqualTo("SecRule");
    assertThat(d.line()).isEqualTo(3);
    assertThat(d.arguments()).containsExactly("ARGS", "@rx a", "id:1,    phase:2,    pass");
  }

  @Test
  void escapedQuoteInsideQuotesBecomesAQuoteAndOtherBackslashesStay() {
    Directive d = parse("SecRule ARGS \"@rx \\\"\\d+\\\\x\" \"id:1\"").get(0);
    assertThat(d.argument(1)).isEqualTo("@rx \"\\d+\\\\x");
  }

  @Test
  void unquotedArgumentsAreSplitOnWhitespace() {
    Directive d = parse("SecRuleEngine   DetectionOnly\r\n").get(0);
    assertThat(d.arguments()).containsExactly("DetectionOnly");
  }

  @Test
  void unterminatedQuoteNamesFileAndLine() {
    assertThatThrownBy(() -> parse("\n\nSecRule ARGS \"@rx a"))
        .isInstanceOf(SecLangException.class)
        .hasMessage("test.conf:3: unterminated double quote");
  }

  @Test
  void includeResolvesGlobsRelativeToTheIncludingFileInNameOrder() throws Exception {
    Path sub = Files.createDirectories(dir.resolve("rules"));
    Files.writeString(sub.resolve("b.conf"), "SecMarker B\n");
    Files.writeString(sub.resolve("a.conf"), "SecMarker A\n");
    Files.writeString(sub.resolve("c.txt"), "SecMarker C\n");
    Path main = dir.resolve("main.conf");
    Files.writeString(main, "Include rules/*.conf\nSecMarker END\n");
    List<Directive> ds = new SecLangParser().parseFile(main);
    assertThat(ds).extracting(d -> d.argument(0)).containsExactly("A", "B", "END");
    assertThat(ds.get(0).file()).endsWith("a.conf");
  }

  @Test
  void recursiveIncludeIsAnError() throws Exception {
    Path main = dir.resolve("loop.conf");
    Files.writeString(main, "Include loop.conf\n");
    assertThatThrownBy(() -> new SecLangParser().parseFile(main))
        .isInstanceOf(SecLangException.class)
        .hasMessageContaining("recursive Include");
  }

  @Test
  void missingIncludeNamesTheIncludingFileAndLine() {
    assertThatThrownBy(() -> parse("SecMarker A\nInclude nothere.conf\n"))
        .isInstanceOf(SecLangException.class)
        .hasMessageStartingWith("test.conf:2: Include: no such file");
  }

  @Test
  void readsFilesAsOneCharPerByte() throws Exception {
    Path f = dir.resolve("utf8.conf");
    Files.write(f, "SecRule ARGS \"@rx é\" \"id:1\"\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Directive d = new SecLangParser().parseFile(f).get(0);
    assertThat(d.argument(1)).isEqualTo("@rx \u00c3\u00a9");
  }
}
