package dev.vpatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code vpatch ftw --crs DIR --wire} on a slice of the CRS regression tests: real test backend,
 * real proxy, raw requests over loopback sockets, rule ids from the proxy's alert stream.
 */
class FtwWireCrsTest {
  private static final Path CRS = Path.of(System.getProperty("vpatch.crs.dir", "../../shared/crs"));
  private static final Pattern SUMMARY = Pattern.compile("(\\d+) passed, (\\d+) failed");

  @Test
  void protocolEnforcementAndHeaderTestsPassThroughTheProxyLikeInProcess() {
    assertThat(Files.isDirectory(CRS.resolve("rules"))).as("CRS checkout at %s", CRS).isTrue();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine run = new CommandLine(out, err);

    int exit = run.execute("ftw", "--crs", CRS.toString(), "--wire", "--include", "^9(20|42)1[0-9]0-", "--timeout", "5");

    List<String> lines = out.toString().lines().toList();
    Matcher summary = SUMMARY.matcher(lines.get(lines.size() - 1));
    assertThat(summary.matches()).as("last line of %s%s", out, err).isTrue();
    int passed = Integer.parseInt(summary.group(1));
    // tests outside --include are reported as skipped and count as failed
    List<String> realFailures = lines.stream().filter(line -> line.contains(": ") && !line.endsWith(": skipped")).toList();
    int selected = passed + realFailures.size();
    assertThat(exit).isEqualTo(1);
    assertThat(selected).as("tests selected").isBetween(200, 400);
    assertThat(passed).as("passed; failures: %s", realFailures).isGreaterThanOrEqualTo(selected * 98 / 100);
  }

  @Test
  void wireNeedsACrsDirectoryAndNoTarget() {
    StringWriter err = new StringWriter();
    CommandLine run = new CommandLine(new StringWriter(), err);
    String tests = CRS.resolve("tests/regression/tests/REQUEST-911-METHOD-ENFORCEMENT").toString();

    assertThat(run.execute("ftw", "--tests", tests, "--wire")).isEqualTo(2);
    assertThat(run.execute("ftw", "--crs", CRS.toString(), "--wire", "--target", "127.0.0.1:1")).isEqualTo(2);
    assertThat(err.toString()).contains("--wire needs --crs DIR and no --target");
  }

  /** The vpatch command line writing to strings. */
  private record CommandLine(StringWriter out, StringWriter err) {
    int execute(String... args) {
      picocli.CommandLine command = Main.commandLine();
      command.setOut(new PrintWriter(out, true));
      command.setErr(new PrintWriter(err, true));
      return command.execute(args);
    }
  }
}
