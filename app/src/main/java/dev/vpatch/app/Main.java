package dev.vpatch.app;

import dev.vpatch.app.cli.CheckCommand;
import dev.vpatch.app.cli.DemoCommand;
import dev.vpatch.app.cli.FtwCommand;
import dev.vpatch.app.cli.ImportCommand;
import dev.vpatch.app.cli.PatchCommand;
import dev.vpatch.app.cli.ProxyCommand;
import dev.vpatch.app.cli.ReportCommand;
import dev.vpatch.app.cli.TestBackendCommand;
import dev.vpatch.app.cli.VulnCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vpatch} command. */
@Command(
    name = "vpatch",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Virtual patching: enforce ModSecurity SecLang rules and manage virtual patches.",
    subcommands = {
      CheckCommand.class,
      FtwCommand.class,
      ProxyCommand.class,
      DemoCommand.class,
      TestBackendCommand.class,
      ImportCommand.class,
      VulnCommand.class,
      PatchCommand.class,
      ReportCommand.class,
      dev.vpatch.app.cli.AdminCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  private static final String LEAK_DETECTION_LEVEL = "io.netty.leakDetection.level";
  private static final String LEGACY_LEAK_DETECTION_LEVEL = "io.netty.leakDetectionLevel";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @CommandLine.Mixin(name = "db") dev.vpatch.app.cli.DbOption db;
  @CommandLine.Mixin(name = "ruleIds") dev.vpatch.app.cli.RuleIdRangeOption ruleIds;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static CommandLine commandLine() {
    return new CommandLine(new Main())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(new UserErrorHandler());
  }

  public static void main(String[] args) {
    disableBufferLeakSamplingUnlessAsked();
    CommandLine commandLine = commandLine();
    int status = commandLine.execute(args);
    // Commands may print() without a newline; picocli's writers flush on println only.
    commandLine.getOut().flush();
    commandLine.getErr().flush();
    System.exit(status);
  }

  /**
   * Netty's default leak detection records the stack of one buffer in 128, a Throwable filled in
   * on the event loop: engine-off proxy GETs cost 58.6 µs of CPU each with it and 53.2 without.
   * It is a debugging aid, so the commands run without it unless the user set its level (either
   * property name Netty reads; the tests keep Netty's default). Netty reads the property when its
   * leak detector is first loaded, which is after this.
   */
  static void disableBufferLeakSamplingUnlessAsked() {
    if (System.getProperty(LEAK_DETECTION_LEVEL) == null
        && System.getProperty(LEGACY_LEAK_DETECTION_LEVEL) == null) {
      System.setProperty(LEAK_DETECTION_LEVEL, "disabled");
    }
  }
}
