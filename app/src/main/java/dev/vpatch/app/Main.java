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
    CommandLine commandLine = commandLine();
    int status = commandLine.execute(args);
    // Commands may print() without a newline; picocli's writers flush on println only.
    commandLine.getOut().flush();
    commandLine.getErr().flush();
    System.exit(status);
  }
}
