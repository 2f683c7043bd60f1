package dev.vpatch.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code vpatch vuln}. */
@Command(name = "vuln", mixinStandardHelpOptions = true, description = "Manage vulnerability records.")
public final class VulnCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("vpatch vuln: not implemented yet");
    return 2;
  }
}
