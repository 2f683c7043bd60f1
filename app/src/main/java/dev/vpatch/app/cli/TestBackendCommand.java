package dev.vpatch.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code vpatch testbackend}. */
@Command(name = "testbackend", mixinStandardHelpOptions = true, description = "Run an albedo-compatible test backend (200 for anything, /reflect echoes).")
public final class TestBackendCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("vpatch testbackend: not implemented yet");
    return 2;
  }
}
