package dev.vpatch.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code vpatch report}. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Report patch hits, time to mitigate and time to fix.")
public final class ReportCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("vpatch report: not implemented yet");
    return 2;
  }
}
