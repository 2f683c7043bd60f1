package dev.vpatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.app.Main;
import dev.vpatch.ftw.backend.TestBackendServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FtwCommandTest {
  @TempDir Path temp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void runsTestsOverTheWireAndEndsWithTheSummary() throws IOException {
    Path tests = Files.createDirectories(temp.resolve("tests/REQUEST-1"));
    Files.writeString(tests.resolve("100.yaml"), """
        rule_id: 100
        tests:
          - test_id: 1
            stages:
              - input: {dest_addr: 127.0.0.1, uri: /ok, headers: {Host: localhost}}
                output: {status: 200}
          - test_id: 2
            stages:
              - input: {dest_addr: 127.0.0.1, uri: /reflect, method: POST, data: '{"status": 404}',
                        headers: {Host: localhost, Content-Type: application/json}}
                output: {status: 403}
          - test_id: 3
            stages:
              - input: {dest_addr: 127.0.0.1, method: "  GET", headers: {Host: localhost}}
                output: {status: 400}
        """);
    try (TestBackendServer backend = TestBackendServer.start(new InetSocketAddress("127.0.0.1", 0), 4)) {
      int status = run("ftw", "--tests", temp.resolve("tests").toString(),
          "--target", "127.0.0.1:" + backend.address().getPort(), "--exclude", "-3$");

      assertThat(status).isEqualTo(1);
      assertThat(out.toString().lines()).containsExactly(
          "REQUEST-1/100.yaml 100-2: status: expected 403, got 404",
          "REQUEST-1/100.yaml 100-3: skipped",
          "1 passed, 2 failed");
    }
  }

  @Test
  void exitsZeroWhenEverythingPasses() throws IOException {
    Path test = Files.writeString(temp.resolve("7.yaml"), """
        tests:
          - stages:
              - input: {dest_addr: 127.0.0.1, headers: {Host: localhost}}
                output: {status: 200}
        """);
    try (TestBackendServer backend = TestBackendServer.start(new InetSocketAddress("127.0.0.1", 0), 4)) {
      int status = run("ftw", "--tests", test.toString(), "--target", "127.0.0.1:" + backend.address().getPort());

      assertThat(status).isZero();
      assertThat(out.toString().lines()).containsExactly("1 passed, 0 failed");
    }
  }

  @Test
  void reportsUsageAndLoadErrorsWithStatus2() throws IOException {
    Path broken = Files.writeString(temp.resolve("1.yaml"), "tests:\n  - stages:\n      - input: {port: x}\n");

    assertThat(run("ftw", "--tests", broken.toString(), "--target", "127.0.0.1:1")).isEqualTo(2);
    assertThat(err.toString()).contains("1.yaml").contains("input.port");
    assertThat(run("ftw")).isEqualTo(2);
    assertThat(run("ftw", "--tests", broken.toString(), "--target", "nohostport")).isEqualTo(2);
    assertThat(run("ftw", "--tests", temp.toString(), "--target", "h:1", "--include", "(")).isEqualTo(2);
  }

  private int run(String... args) {
    CommandLine commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }
}
