package dev.vpatch.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code vpatch ftw}. */
@Command(name = "ftw", mixinStandardHelpOptions = true, description = "Run go-ftw YAML regression tests against the engine.")
public final class FtwCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("vpatch ftw: not implemented yet");
    return 2;
  }
}
