package dev.vpatch.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code vpatch check}. */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Compile rule files and report every problem with file:line.")
public final class CheckCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("vpatch check: not implemented yet");
    return 2;
  }
}
