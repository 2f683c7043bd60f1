package dev.vpatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TestBackendCommandTest {
  @Test
  void rejectsAListenAddressWithoutPort() {
    StringWriter err = new StringWriter();
    CommandLine commandLine = Main.commandLine();
    commandLine.setErr(new PrintWriter(err, true));

    assertThat(commandLine.execute("testbackend", "--listen", "localhost")).isEqualTo(2);
    assertThat(commandLine.execute("testbackend", "--listen", "localhost:http")).isEqualTo(2);
    assertThat(err.toString()).contains("--listen must be HOST:PORT").contains("port is not a number");
  }

  @Test
  void documentsTheReflectEndpointInHelp() {
    StringWriter out = new StringWriter();
    CommandLine commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out, true));

    assertThat(commandLine.execute("testbackend", "--help")).isZero();
    assertThat(out.toString()).contains("/reflect").contains("--listen");
  }
}
