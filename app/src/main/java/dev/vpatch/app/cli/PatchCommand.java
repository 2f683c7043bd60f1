package dev.vpatch.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code vpatch patch}. */
@Command(name = "patch", mixinStandardHelpOptions = true, description = "Manage virtual patches.")
public final class PatchCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("vpatch patch: not implemented yet");
    return 2;
  }
}
