package dev.vpatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpatch.app.Main;
import dev.vpatch.proxy.EngineMode;
import dev.vpatch.proxy.VpatchProxy;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ProxyCommandTest {
  private static ProxyCommand parse(String... args) {
    ProxyCommand command = new ProxyCommand();
    new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args);
    return command;
  }

  @Test
  void defaultsListenOnLoopbackWithEngineOnAndLoopbackAdmin() {
    VpatchProxy.Options options = parse("--upstream", "http://127.0.0.1:3000").options();
    assertThat(options.config().listenHost()).isEqualTo("127.0.0.1");
    assertThat(options.config().listenPort()).isEqualTo(8080);
    assertThat(options.config().engineMode()).isEqualTo(EngineMode.ON);
    assertThat(options.config().failClosed()).isTrue();
    assertThat(options.admin().getAddress().isLoopbackAddress()).isTrue();
    assertThat(options.watch()).isTrue();
  }

  @Test
  void everyOptionReachesTheProxy() {
    VpatchProxy.Options options = parse("--upstream", "http://app:8080", "--listen", "0.0.0.0:9000", "--rules", "a.conf",
        "-r", "dir", "--crs", "crs", "--engine", "detection-only", "--fail-open", "--audit-log", "audit.log",
        "--alert-log", "alerts.log", "--admin", "none", "--no-watch").options();
    assertThat(options.config().listenHost()).isEqualTo("0.0.0.0");
    assertThat(options.config().listenPort()).isEqualTo(9000);
    assertThat(options.rules()).containsExactly(Path.of("a.conf"), Path.of("dir"));
    assertThat(options.crs()).isEqualTo(Path.of("crs"));
    assertThat(options.config().engineMode()).isEqualTo(EngineMode.DETECTION_ONLY);
    assertThat(options.config().failClosed()).isFalse();
    assertThat(options.auditLog()).isEqualTo(Path.of("audit.log"));
    assertThat(options.alertLog()).isEqualTo(Path.of("alerts.log"));
    assertThat(options.admin()).isNull();
    assertThat(options.watch()).isFalse();
  }

  @Test
  void badValuesSayWhatIsWrong() {
    assertThatThrownBy(() -> parse("--upstream", "http://a", "--engine", "maybe").options())
        .hasMessageContaining("on, detection-only or off");
    assertThatThrownBy(() -> parse("--upstream", "http://a", "--listen", "8080").options())
        .hasMessageContaining("--listen must be HOST:PORT");
    assertThatThrownBy(() -> parse("--upstream", "ftp://a").options()).hasMessageContaining("http://");
  }

  @Test
  void helpListsEveryOption() {
    StringWriter out = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    assertThat(cli.execute("proxy", "--help")).isZero();
    assertThat(out.toString()).contains("--upstream", "--listen", "--rules", "--crs", "--engine", "--audit-log",
        "--alert-log", "--admin", "--admin-token", "--config", "routes:", "strip-prefix", "--upstream-ca",
        "--upstream-insecure", "--connect-timeout", "--header-timeout", "--body-timeout", "example.yaml");
  }

  @Test
  void aConfigFileGivesEverySettingAndTheCommandLineOverridesIt(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("vpatch.yaml");
    java.nio.file.Files.writeString(file, String.join("\n",
        "upstream: http://app:8080",
        "listen: 127.0.0.1:7000",
        "engine: detection-only",
        "rules: [patch.conf]",
        "admin: none",
        "routes:",
        "  - host: api.example.com",
        "    upstream: https://api:8443",
        ""));
    VpatchProxy.Options fromFile = parse("--config", file.toString()).options();
    assertThat(fromFile.config().listenPort()).isEqualTo(7000);
    assertThat(fromFile.config().engineMode()).isEqualTo(EngineMode.DETECTION_ONLY);
    assertThat(fromFile.rules()).containsExactly(dir.resolve("patch.conf"));
    assertThat(fromFile.admin()).isNull();
    assertThat(fromFile.config().routeTable().routes()).hasSize(1);

    VpatchProxy.Options overridden = parse("--config", file.toString(), "--engine", "on", "--listen", "127.0.0.1:7001",
        "--rules", "other.conf", "--upstream", "http://other:1").options();
    assertThat(overridden.config().listenPort()).isEqualTo(7001);
    assertThat(overridden.config().engineMode()).isEqualTo(EngineMode.ON);
    assertThat(overridden.rules()).containsExactly(Path.of("other.conf"));
    assertThat(overridden.config().upstream()).hasToString("http://other:1");
    assertThat(overridden.admin()).isNull();
    assertThat(overridden.config().routeTable().routes()).hasSize(1);
  }

  @Test
  void aBrokenConfigFileStopsTheStartWithFileLineAndKey(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path file = dir.resolve("vpatch.yaml");
    java.nio.file.Files.writeString(file, "upstream: http://app:8080\nthreads: lots\n");
    assertThatThrownBy(() -> parse("--config", file.toString()).options())
        .hasMessageContaining("vpatch.yaml:2: threads: must be a whole number");
  }

  @Test
  void withoutUpstreamOrRoutesTheProxyDoesNotStart() {
    assertThatThrownBy(() -> parse().options()).hasMessageContaining("no upstream");
  }

  @Test
  void unloadableRulesExitWithTheFileAndLine(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path broken = dir.resolve("broken.conf");
    java.nio.file.Files.writeString(broken, "SecRule ARGS \"@nope\" \"id:1,deny\"\n");
    java.io.PrintStream saved = System.err;
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(captured, true));
    try {
      int code = Main.commandLine().execute("proxy", "--upstream", "http://127.0.0.1:1", "--listen", "127.0.0.1:0",
          "--admin", "none", "--rules", broken.toString());
      assertThat(code).isEqualTo(1);
    } finally {
      System.setErr(saved);
    }
    assertThat(captured.toString()).contains("broken.conf:1");
  }
}
